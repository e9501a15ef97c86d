"""Pre-filling the application from photos of its documents (issue 5): read by OCR in the job worker,
proposed with their confidence, confirmed by the applicant; nothing typed is ever overwritten."""
