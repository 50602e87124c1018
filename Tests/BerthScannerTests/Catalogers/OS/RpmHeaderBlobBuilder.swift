import Foundation

/// Writes RPM header blobs in rpm's on-disk layout (big-endian `il`, `dl`,
/// 16-byte index entries, aligned data store, no magic) so header parsing
/// can be tested on exact, hand-chosen bytes, including broken ones.
struct RpmHeaderBlobBuilder {
    private struct Item {
        var tag: UInt32
        var type: UInt32
        var count: UInt32
        var bytes: [UInt8]
        var alignment: Int
    }

    private var items: [Item] = []

    mutating func string(_ tag: UInt32, _ value: String) {
        items.append(Item(tag: tag, type: 6, count: 1, bytes: Array(value.utf8) + [0], alignment: 1))
    }

    mutating func stringArray(_ tag: UInt32, _ values: [String], type: UInt32 = 8) {
        items.append(Item(
            tag: tag, type: type, count: UInt32(values.count),
            bytes: values.flatMap { Array($0.utf8) + [0] }, alignment: 1))
    }

    mutating func int32(_ tag: UInt32, _ value: Int32) {
        items.append(Item(tag: tag, type: 4, count: 1, bytes: Self.bigEndian(UInt32(bitPattern: value)), alignment: 4))
    }

    /// An entry with arbitrary fields and no data of its own.
    mutating func raw(tag: UInt32, type: UInt32, count: UInt32, bytes: [UInt8] = []) {
        items.append(Item(tag: tag, type: type, count: count, bytes: bytes, alignment: 1))
    }

    /// `overrideOffset` replaces the offset of entry `index` after layout.
    func build(overrideOffset: (index: Int, offset: Int32)? = nil) -> Data {
        var store: [UInt8] = []
        var index: [UInt8] = []
        for (position, item) in items.enumerated() {
            while store.count % item.alignment != 0 { store.append(0) }
            var offset = Int32(store.count)
            if let overrideOffset, overrideOffset.index == position { offset = overrideOffset.offset }
            index += Self.bigEndian(item.tag) + Self.bigEndian(item.type)
                + Self.bigEndian(UInt32(bitPattern: offset)) + Self.bigEndian(item.count)
            store += item.bytes
        }
        return Data(Self.bigEndian(UInt32(items.count)) + Self.bigEndian(UInt32(store.count)) + index + store)
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }

    /// A well-formed package header with the usual identity tags.
    static func package(
        name: String = "bash", version: String = "5.1.8", release: String = "6.el9",
        epoch: Int32? = nil, arch: String? = "x86_64", license: String? = "GPLv3+",
        sourceRPM: String? = "bash-5.1.8-6.el9.src.rpm"
    ) -> RpmHeaderBlobBuilder {
        var builder = RpmHeaderBlobBuilder()
        builder.string(1000, name)
        builder.string(1001, version)
        builder.string(1002, release)
        if let epoch { builder.int32(1003, epoch) }
        if let license { builder.string(1014, license) }
        if let arch { builder.string(1022, arch) }
        if let sourceRPM { builder.string(1044, sourceRPM) }
        return builder
    }
}
