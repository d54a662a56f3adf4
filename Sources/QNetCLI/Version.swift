extension QNetPlanCommand {
    /// qnetplan's version, as `qnetplan --version` prints it: written here only.
    static let version = "0.1.0"
}
