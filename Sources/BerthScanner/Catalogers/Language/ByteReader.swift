import Foundation

/// Bounds-checked, offset-based reads from a binary file of either byte
/// order.
///
/// Image files are untrusted: every header field may point past the end, so
/// each read returns `nil` rather than trapping. Offsets are relative to the
/// first byte even when `Data` is a slice with a non-zero `startIndex`.
struct ByteReader: Sendable {
    let data: Data
    var bigEndian: Bool

    init(_ data: Data, bigEndian: Bool = false) {
        self.data = data
        self.bigEndian = bigEndian
    }

    var count: Int { data.count }

    func bytes(at offset: UInt64, count: UInt64) -> Data? {
        guard offset <= UInt64(data.count), count <= UInt64(data.count) - offset else { return nil }
        let start = data.startIndex + Int(offset)
        return data[start ..< start + Int(count)]
    }

    func u8(at offset: UInt64) -> UInt8? {
        guard offset < UInt64(data.count) else { return nil }
        return data[data.startIndex + Int(offset)]
    }

    func u16(at offset: UInt64) -> UInt16? { unsigned(at: offset, width: 2).map { UInt16($0) } }
    func u32(at offset: UInt64) -> UInt32? { unsigned(at: offset, width: 4).map { UInt32($0) } }
    func u64(at offset: UInt64) -> UInt64? { unsigned(at: offset, width: 8) }

    /// A pointer-sized word: 4 or 8 bytes.
    func word(at offset: UInt64, size: Int) -> UInt64? {
        size == 4 ? u32(at: offset).map(UInt64.init) : u64(at: offset)
    }

    private func unsigned(at offset: UInt64, width: Int) -> UInt64? {
        guard let slice = bytes(at: offset, count: UInt64(width)) else { return nil }
        var value: UInt64 = 0
        if bigEndian {
            for byte in slice { value = value << 8 | UInt64(byte) }
        } else {
            for byte in slice.reversed() { value = value << 8 | UInt64(byte) }
        }
        return value
    }

    /// Go's `binary.Uvarint`: little-endian base-128, at most 10 bytes.
    /// Returns the value and the number of bytes it took.
    func uvarint(at offset: UInt64) -> (value: UInt64, length: UInt64)? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        var index: UInt64 = 0
        while index < 10 {
            guard let byte = u8(at: offset + index) else { return nil }
            if index == 9 && byte > 1 { return nil }
            value |= UInt64(byte & 0x7f) << shift
            index += 1
            if byte & 0x80 == 0 { return (value, index) }
            shift += 7
        }
        return nil
    }
}
