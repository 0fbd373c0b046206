/// Number and date formats of German reports: decimal comma, `%` with a space, dd.mm.yyyy.
public enum GermanFormat {
    /// `0.756` → `76 %`.
    public static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded(.toNearestOrAwayFromZero))) %"
    }

    /// `0.7512` with 2 places → `0,75`.
    public static func decimal(_ number: Double, places: Int) -> String {
        JSONWriter.decimal(number, places: places).replacingOccurrences(".", with: ",")
    }

    /// `2026-10-05T19:42:00` → `05.10.2026`; text that is no ISO date is returned unchanged.
    public static func date(_ iso: String) -> String {
        let parts = iso.prefix(10).split(separator: "-")
        guard parts.count == 3, parts[0].count == 4 else { return iso }
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }
}

extension String {
    func replacingOccurrences(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
