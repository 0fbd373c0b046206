/// Finds web and e-mail addresses in UTF-8 text, so that the tokenizer keeps each one whole.
///
/// ICU's word rules cut `https://www.jena.de/beteiligung?id=4` and `info@jena.de` into several
/// words; this scanner runs first and claims their byte ranges. Rules, all on ASCII bytes:
/// - e-mail: `local@domain.tld` with local characters `A-Z a-z 0-9 . _ % + -`, domain labels of
///   `A-Z a-z 0-9 -` and an alphabetic top-level label of at least two letters;
/// - URL with scheme or `www.`: `http://`, `https://` or `www.` at the start of a word, up to the
///   next whitespace, `<`, `>` or `"`;
/// - bare domain: `label.label…tld` at the start of a word whose last label is one of
///   ``topLevelDomains`` (`jena.de`, `uni-jena.de/studium`), so `z.B` or `1.000` never match.
/// Trailing sentence punctuation (`. , ; : ! ? '`), a `)` without its `(`, and closing quotes or
/// an ellipsis are not part of an address.
struct LinkScanner: Sendable {
    /// Top-level domains that make `word.tld` a web address without a scheme.
    static let topLevelDomains: Set<String> = [
        "de", "com", "org", "net", "eu", "info", "io", "app", "dev", "edu", "gov", "at", "ch",
        "nl", "fr", "it", "uk", "us", "berlin", "hamburg", "online", "shop", "digital", "social",
    ]

    /// A claimed byte range and whether it is a `.url` or an `.email`.
    struct Span: Equatable {
        var start: Int
        var end: Int
        var kind: TokenKind
    }

    /// All addresses in `bytes`, sorted by start and not overlapping.
    func spans(in bytes: UnsafeBufferPointer<UInt8>) -> [Span] {
        var spans: [Span] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "@"), let span = email(around: index, in: bytes),
                spans.last.map({ $0.end <= span.start }) ?? true
            {
                spans.append(span)
                index = span.end
                continue
            }
            index += 1
        }
        var result: [Span] = []
        var emailCursor = 0
        index = 0
        while index < bytes.count {
            while emailCursor < spans.count && spans[emailCursor].end <= index { emailCursor += 1 }
            if emailCursor < spans.count && spans[emailCursor].start <= index {
                result.append(spans[emailCursor])
                index = spans[emailCursor].end
                continue
            }
            // Every address starts with an ASCII letter or digit that starts a word.
            guard isASCIIAlphanumeric(bytes[index]) else {
                index += 1
                continue
            }
            let limit = emailCursor < spans.count ? spans[emailCursor].start : bytes.count
            if isWordStart(index, in: bytes), let end = webAddressEnd(from: index, in: bytes), end <= limit {
                result.append(Span(start: index, end: end, kind: .url))
                index = end
                continue
            }
            // The rest of this run of ASCII letters and digits starts no word (each byte follows
            // one), so no address: skip it, but not past the next e-mail address.
            index += 1
            while index < limit && isASCIIAlphanumeric(bytes[index]) { index += 1 }
        }
        return result
    }

    // MARK: - E-mail

    private func email(around at: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Span? {
        var start = at
        while start > 0 && Self.isLocalPartByte(bytes[start - 1]) { start -= 1 }
        while start < at && bytes[start] == UInt8(ascii: ".") { start += 1 }
        guard start < at else { return nil }
        guard let end = domainEnd(from: at + 1, in: bytes, requireKnownTLD: false) else {
            return nil
        }
        return Span(start: start, end: end, kind: .email)
    }

    private static func isLocalPartByte(_ byte: UInt8) -> Bool {
        isASCIIAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    // MARK: - Web addresses

    private func webAddressEnd(from start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // All three prefixes start with `h` or `w` in either case; most words do not.
        let first = bytes[start] | 0x20
        if first == UInt8(ascii: "h") || first == UInt8(ascii: "w"),
            hasPrefix("https://", at: start, in: bytes) || hasPrefix("http://", at: start, in: bytes)
                || hasPrefix("www.", at: start, in: bytes)
        {
            let afterPrefix = start + (hasPrefix("www.", at: start, in: bytes) ? 4 : 0)
            var end = afterPrefix
            while end < bytes.count && !Self.endsAddress(bytes[end]) { end += 1 }
            end = trimmedEnd(start: start, end: end, in: bytes)
            let minimum = hasPrefix("www.", at: start, in: bytes) ? start + 6 : start + 10
            return end >= minimum ? end : nil
        }
        guard isASCIIAlphanumeric(bytes[start]),
            let domainEnd = domainEnd(from: start, in: bytes, requireKnownTLD: true)
        else { return nil }
        var end = domainEnd
        if end < bytes.count && bytes[end] == UInt8(ascii: "/") {
            while end < bytes.count && !Self.endsAddress(bytes[end]) { end += 1 }
            end = trimmedEnd(start: start, end: end, in: bytes)
        }
        return end
    }

    /// The end of `label(.label)+` starting at `start`, or nil when there is no such domain.
    private func domainEnd(
        from start: Int, in bytes: UnsafeBufferPointer<UInt8>, requireKnownTLD: Bool
    ) -> Int? {
        var index = start
        var labelStart = start
        var labels = 0
        var lastLabel: Range<Int>? = nil
        while index <= bytes.count {
            let byte: UInt8? = index < bytes.count ? bytes[index] : nil
            if let byte, isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "-") {
                index += 1
                continue
            }
            guard index > labelStart else { break }
            labels += 1
            lastLabel = labelStart..<index
            if byte == UInt8(ascii: "."), index + 1 < bytes.count,
                isASCIIAlphanumeric(bytes[index + 1])
            {
                index += 1
                labelStart = index
                continue
            }
            break
        }
        guard labels >= 2, let lastLabel else { return nil }
        // A word character straight after the domain (a letter like ü) means it is no address.
        if lastLabel.upperBound < bytes.count && bytes[lastLabel.upperBound] >= 0x80 { return nil }
        let tld = String(decoding: bytes[lastLabel], as: UTF8.self).lowercased()
        guard tld.count >= 2, tld.utf8.allSatisfy({ isASCIILetter($0) }) else { return nil }
        if requireKnownTLD && !Self.topLevelDomains.contains(tld) { return nil }
        return lastLabel.upperBound
    }

    private static func endsAddress(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == 0x7F
    }

    /// Drops sentence punctuation, unbalanced `)` and closing quotes from the end of an address.
    private func trimmedEnd(start: Int, end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = end
        while end > start {
            let last = bytes[end - 1]
            if ".,;:!?'".utf8.contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ")") {
                let opened = bytes[start..<end].filter { $0 == UInt8(ascii: "(") }.count
                let closed = bytes[start..<end].filter { $0 == UInt8(ascii: ")") }.count
                if closed > opened { end -= 1 } else { break }
            } else if last >= 0x80 {
                // Step back over one UTF-8 scalar and drop it if it is closing punctuation.
                var scalarStart = end - 1
                while scalarStart > start && bytes[scalarStart] & 0xC0 == 0x80 { scalarStart -= 1 }
                let scalar = String(decoding: bytes[scalarStart..<end], as: UTF8.self)
                if ["“", "”", "»", "«", "…", "‘", "’", "„"].contains(scalar) {
                    end = scalarStart
                } else {
                    break
                }
            } else {
                break
            }
        }
        return end
    }

    /// True when the byte before `index` is no letter, digit or address character (a quote like
    /// `„` before `www.` is fine; the `ü` of `Müller.de` is not).
    private func isWordStart(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index > 0 else { return true }
        let previous = bytes[index - 1]
        // À to ÿ (U+00C0 to U+00FF: C3 80 to C3 BF) are letters but × and ÷: answered without
        // decoding the scalar and looking up its properties.
        if index >= 2, bytes[index - 2] == 0xC3, previous & 0xC0 == 0x80 {
            return previous == 0x97 || previous == 0xB7
        }
        if previous >= 0x80 {
            var scalarStart = index - 1
            while scalarStart > 0 && bytes[scalarStart] & 0xC0 == 0x80 { scalarStart -= 1 }
            let scalar = lastScalar(in: bytes[scalarStart..<index])
            return !(scalar?.properties.isAlphabetic ?? true) && !(scalar?.properties.numericType != nil)
        }
        return
            !(isASCIIAlphanumeric(previous) || previous == UInt8(ascii: ".")
            || previous == UInt8(ascii: "@") || previous == UInt8(ascii: "/")
            || previous == UInt8(ascii: "-") || previous == UInt8(ascii: "_"))
    }

    /// The scalar of one UTF-8 sequence, decoded in place rather than through a `String`.
    private func lastScalar(in sequence: Slice<UnsafeBufferPointer<UInt8>>) -> Unicode.Scalar? {
        var iterator = sequence.makeIterator()
        var decoder = Unicode.UTF8()
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): return scalar
        case .emptyInput: return nil
        case .error: return "\u{FFFD}"
        }
    }

    private func hasPrefix(
        _ prefix: String, at index: Int, in bytes: UnsafeBufferPointer<UInt8>
    )
        -> Bool
    {
        var position = index
        for expected in prefix.utf8 {
            guard position < bytes.count else { return false }
            var byte = bytes[position]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
            guard byte == expected else { return false }
            position += 1
        }
        return true
    }
}

@inline(__always) func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
}

@inline(__always) func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    isASCIILetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
}
