"""HTTP only: the Flask app factory, blueprints, auth, schemas, OpenAPI, problem details, locale."""
