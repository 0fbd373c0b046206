import CICUShim

/// Facts about the ICU library the analyzer runs on, recorded in every run's manifest.
public enum ICUInfo {
    /// The ICU version, e.g. `72.1`.
    public static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        rz_icu_version(&buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
