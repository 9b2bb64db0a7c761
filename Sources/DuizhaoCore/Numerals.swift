/// Parsing of the numbers used in 公文 labels and dates: ASCII, full-width and Chinese numerals.
enum Numerals {
    /// Value of an ASCII or full-width decimal digit.
    @inline(__always)
    static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: return Int(scalar.value - 0x30)
        case 0xFF10...0xFF19: return Int(scalar.value - 0xFF10)
        default: return nil
        }
    }

    @inline(__always)
    static func isChineseNumeral(_ scalar: Unicode.Scalar) -> Bool {
        chineseDigit(scalar) != nil || scalar == "十" || scalar == "百" || scalar == "千"
    }

    @inline(__always)
    static func chineseDigit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "零", "〇", "○": return 0
        case "一": return 1
        case "二", "两": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        default: return nil
        }
    }

    /// Value of a Chinese numeral such as 十二, 二十, 一百零五; nil when malformed.
    static func chineseValue(_ scalars: some Collection<Unicode.Scalar>) -> Int? {
        if scalars.isEmpty { return nil }
        var total = 0
        var current = 0
        var sawUnit = false
        for scalar in scalars {
            if let digit = chineseDigit(scalar) {
                current = digit
            } else {
                let unit: Int
                switch scalar {
                case "十": unit = 10
                case "百": unit = 100
                case "千": unit = 1000
                default: return nil
                }
                sawUnit = true
                total += (current == 0 ? 1 : current) * unit
                current = 0
            }
        }
        if !sawUnit {
            // A bare digit string such as 二〇一七 (used in years): read digit by digit.
            var value = 0
            for scalar in scalars { value = value * 10 + (chineseDigit(scalar) ?? 0) }
            return value
        }
        return total + current
    }

    /// Value of a run of ASCII or full-width digits (`12`, `１２`); nil when empty or not all digits.
    static func decimalValue(_ scalars: some Collection<Unicode.Scalar>) -> Int? {
        if scalars.isEmpty || scalars.count > 18 { return nil }
        var value = 0
        for scalar in scalars {
            guard let digit = digitValue(scalar) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// Value of a number written in decimal digits or in Chinese numerals (`12`, `十二`, `一百零五`, `二〇一一`);
    /// nil when it mixes the two or is malformed. The one numeral parser of the importer.
    static func value(_ scalars: some Collection<Unicode.Scalar>) -> Int? {
        guard let first = scalars.first else { return nil }
        return digitValue(first) != nil ? decimalValue(scalars) : chineseValue(scalars)
    }

    /// Chinese numeral for 1…9999 (used to print section numbers and in tests).
    static func chinese(_ value: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if value < 10 { return digits[max(0, value)] }
        if value < 20 { return "十" + (value % 10 == 0 ? "" : digits[value % 10]) }
        var result = ""
        let units = [(1000, "千"), (100, "百"), (10, "十")]
        var rest = value
        var needZero = false
        for (unit, name) in units {
            let digit = rest / unit
            if digit > 0 {
                if needZero {
                    result += "零"
                    needZero = false
                }
                result += digits[digit] + name
            } else if !result.isEmpty {
                needZero = true
            }
            rest %= unit
        }
        if rest > 0 {
            if needZero { result += "零" }
            result += digits[rest]
        }
        return result
    }

    /// Upper-case Roman numerals (Word's `upperRoman` list numbers); decimal digits from 4000 on.
    static func roman(_ value: Int) -> String {
        guard (1..<4000).contains(value) else { return String(value) }
        var rest = value
        var result = ""
        for (amount, letters) in [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ] {
            while rest >= amount {
                result += letters
                rest -= amount
            }
        }
        return result
    }
}
