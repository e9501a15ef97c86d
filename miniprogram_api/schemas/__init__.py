"""Request and response shapes. The same pydantic models validate requests and feed the OpenAPI document."""
