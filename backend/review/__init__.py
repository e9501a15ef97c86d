"""Hand-off to the review system and decisions back: the ReviewSystem boundary, the outbox and its
dispatcher, review events (one path for the built-in desk and the external system), the desk."""
