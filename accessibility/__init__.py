"""The conversation (one question at a time), understanding free answers, speech, display preferences.
No Flask imports here."""
