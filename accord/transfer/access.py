"""Which action each of accord.transfer's URLs needs (merged into accord.accounts.url_policy).

Values are accord.accounts.policy.Action values: export for administrators and auditors, import
for administrators only."""

EXPORT, IMPORT = "export_register", "import_register"

URL_POLICY: dict[str, str] = {
    "transfer": EXPORT,
    "transfer-export": EXPORT,
    "transfer-upload": IMPORT,
    "transfer-columns": IMPORT,
    "transfer-preview": IMPORT,
    "transfer-result": IMPORT,
}
