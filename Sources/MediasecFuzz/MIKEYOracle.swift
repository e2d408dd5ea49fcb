import MediasecCore
import MIKEY

/// libFuzzer oracle for the MIKEY decoder (placeholder until the codec lands).
public enum MIKEYOracle {
    public static func run(_ data: UnsafeRawBufferPointer) -> Int32 {
        _ = Array(data)
        return 0
    }
}
