import CNcursesw

/// Makes sure the process runs under a UTF-8 locale so that ncursesw can draw Chinese text.
public enum UTF8Locale {
    /// UTF-8 locales tried, in order, when the user's locale is not UTF-8.
    public static let fallbacks = ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"]

    /// Applies the user's character-type locale (`setlocale(LC_CTYPE, "")`: the only category curses and
    /// `wcwidth` read; loading all of them opens a dozen files at start-up); when its codeset is not UTF-8,
    /// switches to the first UTF-8 locale of `fallbacks` that exists. Returns the name of the locale in effect.
    /// Throws when no UTF-8 locale exists: Chinese text cannot be shown then, and blank cells are no answer.
    @discardableResult
    public static func activate() throws -> String {
        _ = setlocale(LC_CTYPE, "")
        if duizhao_codeset_is_utf8() != 0 { return currentName() }
        for candidate in fallbacks where setlocale(LC_CTYPE, candidate) != nil {
            if duizhao_codeset_is_utf8() != 0 { return candidate }
        }
        _ = setlocale(LC_CTYPE, "")
        throw TerminalError(
            "no UTF-8 locale is available, so Chinese text cannot be shown in this terminal; "
                + "install one (e.g. C.UTF-8) and set LANG=C.UTF-8, or use the non-interactive commands "
                + "(duizhao outline / show / compare)")
    }

    static func currentName() -> String {
        guard let name = setlocale(LC_CTYPE, nil) else { return "" }
        return String(cString: name)
    }
}
