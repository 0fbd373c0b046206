import TextAnalysis

/// Which tokens may become keywords.
public enum KeywordHygiene {
    /// A word that is no stopword, with at least three letters (two when written in capitals,
    /// like `KI`), no digit and no `@` (an @handle names a person, not a subject). Letters,
    /// digits and capitals are Swift's `Character` properties (`isLetter`, `isNumber`,
    /// `isUppercase`).
    public static func isKeywordCandidate(_ token: Token) -> Bool {
        guard token.kind == .word, !token.isStopword else { return false }
        return latin1Verdict(token.display) ?? characterVerdict(token.display)
    }

    /// The rule read Character by Character: the definition.
    static func characterVerdict(_ display: String) -> Bool {
        guard !display.contains(where: \.isNumber), !display.contains("@") else { return false }
        let letters = display.filter(\.isLetter).count
        if letters >= 3 { return true }
        return letters == 2 && display.allSatisfy { $0.isUppercase || !$0.isLetter }
    }

    /// The rule read scalar by scalar from a table, for a text of Latin-1 scalars only (most
    /// German words), or nil for any other text. In such a text every Character is one scalar
    /// (or CR LF, which counts as neither letter nor digit either way): Latin-1 has no
    /// combining marks, joiners or other scalars that join their neighbours.
    static func latin1Verdict(_ display: String) -> Bool? {
        var letters = 0
        var lowercaseLetter = false
        var utf8 = display.utf8.makeIterator()
        while let byte = utf8.next() {
            let scalar: Int
            if byte < 0x80 {
                scalar = Int(byte)
            } else if byte == 0xC2 || byte == 0xC3, let next = utf8.next(), next & 0xC0 == 0x80 {
                scalar = Int(byte & 0x1F) << 6 | Int(next & 0x3F)
            } else {
                return nil
            }
            let properties = latin1Properties[scalar]
            if properties & (isNumber | isAt) != 0 { return false }
            if properties & isLetter != 0 {
                letters += 1
                if properties & isUppercase == 0 { lowercaseLetter = true }
            }
        }
        if letters >= 3 { return true }
        return letters == 2 && !lowercaseLetter
    }

    private static let (isNumber, isLetter, isUppercase, isAt): (UInt8, UInt8, UInt8, UInt8) = (1, 2, 4, 8)

    /// Per Latin-1 scalar, its Character properties as bits, taken from Swift's own.
    static let latin1Properties: [UInt8] = (0..<256).map { value in
        let character = Character(Unicode.Scalar(UInt8(value)))
        return (character.isNumber ? isNumber : 0) | (character.isLetter ? isLetter : 0)
            | (character.isUppercase ? isUppercase : 0) | (character == "@" ? isAt : 0)
    }
}
