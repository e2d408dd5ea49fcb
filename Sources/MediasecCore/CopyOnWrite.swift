/// A value kept in one shared box, copied only when written while shared.
///
/// Model types whose values are handed around a lot (a validator's index
/// passes decoded attributes and m= fields through lists and tuples) keep
/// their stored fields in one of these: a copy of the model value is then
/// one reference count instead of one per string and array inside it,
/// and value semantics are unchanged. Everything is inlinable, so that the
/// accessors are specialised in the modules that use them.
@frozen
public struct CopyOnWrite<Value: Sendable>: @unchecked Sendable {
    // @unchecked: the box is written only through `value`'s modify
    // accessor, after `isKnownUniquelyReferenced` made it exclusive.
    @usableFromInline
    final class Box {
        @usableFromInline var value: Value
        @inlinable init(_ value: Value) { self.value = value }
    }

    @usableFromInline var box: Box

    @inlinable
    public init(_ value: Value) {
        box = Box(value)
    }

    @inlinable
    public var value: Value {
        get { box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }
}
