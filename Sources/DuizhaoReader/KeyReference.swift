import DuizhaoCore

/// Every key table of the reader and the matrix, for references outside the program (the man page's KEYS
/// section is generated from it, so it lists what the `?` overlays list).
public enum KeyReference {
    public static var sections: [HelpSection] {
        ReadingScreen.helpSections + [MatrixScreenModel.keys.helpSection]
    }
}
