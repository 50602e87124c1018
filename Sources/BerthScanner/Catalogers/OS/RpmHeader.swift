import Foundation

/// An RPM header as rpm stores it in each `Packages.blob` of rpmdb.sqlite.
///
/// rpm writes the output of `headerExport`: no 8-byte header magic (that
/// exists only in package files), just a big-endian `int32` index count `il`
/// and data length `dl`, then `il` 16-byte index entries (tag, type, offset,
/// count; all big-endian) and `dl` bytes of data store. The blob comes from an
/// untrusted image, so every count and offset is checked against the blob
/// before it is used, following the sanity limits of rpm's `hdrblobInit`, and
/// a bad value throws instead of trapping.
struct RpmHeader: Sendable {
    enum Tag {
        static let name: UInt32 = 1000
        static let version: UInt32 = 1001
        static let release: UInt32 = 1002
        static let epoch: UInt32 = 1003
        static let license: UInt32 = 1014
        static let arch: UInt32 = 1022
        static let sourceRPM: UInt32 = 1044
    }

    enum DataType {
        static let int32: UInt32 = 4
        static let string: UInt32 = 6
        static let stringArray: UInt32 = 8
        static let i18nString: UInt32 = 9
        /// `RPM_MAX_TYPE`; anything above is not a type rpm ever wrote.
        static let maximum: UInt32 = 9
    }

    struct Entry: Sendable, Hashable {
        var tag: UInt32
        var type: UInt32
        /// Relative to the start of the data store; checked to lie within it.
        var offset: Int
        var count: Int
    }

    /// rpm's own limits (`HEADER_TAGS_MAX`, `HEADER_DATA_MAX`): larger values
    /// are corruption, and honouring them would let a blob ask for gigabytes.
    static let maximumIndexCount = 0xffff
    static let maximumDataLength = 0x0fff_ffff

    /// `rpm_header_magic` without its 4 reserved zero bytes. Its first byte
    /// makes `il` negative, so without this check such a blob would only be
    /// reported as an absurd count, hiding the likely cause.
    static let packageFileMagic: [UInt8] = [0x8e, 0xad, 0xe8, 0x01]

    private let bytes: [UInt8]
    private let dataStart: Int
    private let dataLength: Int
    /// First entry per tag: rpm keeps the first when a tag repeats.
    private(set) var entries: [UInt32: Entry] = [:]

    init(blob: Data) throws {
        let bytes = [UInt8](blob)
        guard bytes.count >= 8 else {
            throw RpmHeaderError("blob is \(bytes.count) bytes, shorter than the 8-byte index and data counts")
        }
        if bytes.starts(with: Self.packageFileMagic) {
            throw RpmHeaderError(
                "blob starts with the 8-byte header magic of a package file; rpmdb.sqlite rows are stored without it")
        }
        let indexCount = Int(Int32(bitPattern: Self.bigEndianUInt32(bytes, at: 0)))
        let dataLength = Int(Int32(bitPattern: Self.bigEndianUInt32(bytes, at: 4)))
        guard indexCount > 0, indexCount <= Self.maximumIndexCount else {
            throw RpmHeaderError("index entry count \(indexCount) is outside 1...\(Self.maximumIndexCount)")
        }
        guard dataLength >= 0, dataLength <= Self.maximumDataLength else {
            throw RpmHeaderError("data length \(dataLength) is outside 0...\(Self.maximumDataLength)")
        }
        let dataStart = 8 + indexCount * 16
        let expected = dataStart + dataLength
        guard bytes.count == expected else {
            throw RpmHeaderError(
                "blob is \(bytes.count) bytes but its counts (\(indexCount) entries, \(dataLength) data bytes) need \(expected)")
        }
        self.bytes = bytes
        self.dataStart = dataStart
        self.dataLength = dataLength

        for index in 0..<indexCount {
            let base = 8 + index * 16
            let tag = Self.bigEndianUInt32(bytes, at: base)
            let type = Self.bigEndianUInt32(bytes, at: base + 4)
            let offset = Int(Int32(bitPattern: Self.bigEndianUInt32(bytes, at: base + 8)))
            let count = Int(Self.bigEndianUInt32(bytes, at: base + 12))
            guard type <= DataType.maximum else {
                throw RpmHeaderError("entry \(index) (tag \(tag)) has unknown data type \(type)")
            }
            guard offset >= 0, offset <= dataLength else {
                throw RpmHeaderError("entry \(index) (tag \(tag)) has offset \(offset) outside the \(dataLength)-byte data store")
            }
            guard count <= Self.maximumDataLength else {
                throw RpmHeaderError("entry \(index) (tag \(tag)) has implausible count \(count)")
            }
            if entries[tag] == nil {
                entries[tag] = Entry(tag: tag, type: type, offset: offset, count: count)
            }
        }
    }

    /// The tag's string, or its first element for array types, so a header
    /// that stores `LICENSE` as an i18n string still reads. `nil` when the tag
    /// is absent; throws when it is present but does not hold a string.
    func string(_ tag: UInt32) throws -> String? {
        guard let entry = entries[tag] else { return nil }
        switch entry.type {
        case DataType.string, DataType.stringArray, DataType.i18nString:
            guard entry.count >= 1 else {
                throw RpmHeaderError("tag \(tag) is a string with count 0")
            }
        default:
            throw RpmHeaderError("tag \(tag) has type \(entry.type), expected a string")
        }
        let start = dataStart + entry.offset
        let end = dataStart + dataLength
        guard let terminator = bytes[start..<end].firstIndex(of: 0) else {
            throw RpmHeaderError("tag \(tag) string at offset \(entry.offset) runs past the data store without a NUL")
        }
        return String(decoding: bytes[start..<terminator], as: UTF8.self)
    }

    /// The tag's first `int32`; `nil` when absent.
    func int32(_ tag: UInt32) throws -> Int32? {
        guard let entry = entries[tag] else { return nil }
        guard entry.type == DataType.int32 else {
            throw RpmHeaderError("tag \(tag) has type \(entry.type), expected int32")
        }
        guard entry.count >= 1 else {
            throw RpmHeaderError("tag \(tag) is an int32 with count 0")
        }
        guard entry.offset % 4 == 0 else {
            throw RpmHeaderError("tag \(tag) int32 at offset \(entry.offset) is not 4-byte aligned")
        }
        guard entry.offset + 4 <= dataLength else {
            throw RpmHeaderError("tag \(tag) int32 at offset \(entry.offset) runs past the \(dataLength)-byte data store")
        }
        return Int32(bitPattern: Self.bigEndianUInt32(bytes, at: dataStart + entry.offset))
    }

    /// Callers check `offset + 4 <= bytes.count` first.
    private static func bigEndianUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
            | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }
}
