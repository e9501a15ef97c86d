"""The domain of 两补网办 and its persistence: applications, policy, materials, review hand-off,
status, notifications, audit, privacy, message catalogs and settings. No Flask imports here."""
