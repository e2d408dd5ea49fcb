import ArgumentParser
import Foundation
import MediasecCore
import MIKEY

struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode a message and print its tree with byte offsets (or JSON)."
    )

    @OptionGroup var input: InputOptions

    @Flag(name: .long, help: "Print one JSON object instead of the tree.")
    var json = false

    func run() throws {
        var status: Int32 = 0
        try withUsageExit {
            let bytes = try input.readBytes()
            let profile = try input.codePointProfile()
            switch input.resolvedFormat(bytes) {
            case .mikey, .auto:
                do throws(DecodingError) {
                    let d = try MIKEYDecoder(profile: profile).decode(bytes)
                    let tree = MIKEYJSON.tree(d, profile: profile)
                    if json {
                        print(JSONValue.object([("format", .string("mikey")), ("valid", .bool(true)), ("findings", .array([])), ("decoded", tree)]).serialized())
                    } else {
                        print(TreeRenderer.render(tree, title: "MIKEY message, \(bytes.count) bytes [RFC 3830]", profile: profile), terminator: "")
                    }
                } catch {
                    status = 1
                    if json {
                        print(JSONValue.object([("format", .string("mikey")), ("valid", .bool(false)), ("findings", JSONValue([error.finding])), ("decoded", .null)]).serialized())
                    } else {
                        print("MIKEY message, \(bytes.count) bytes: cannot be decoded")
                        print("  " + error.finding.description)
                    }
                }
            }
        }
        if status != 0 { throw ExitCode(status) }
    }
}
