"""Which action each of accord.outputs.transfer's URLs needs (merged into accord.kernel.accounts.url_policy).

Values are accord.kernel.accounts.policy.Action values: export for administrators and auditors, import
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
