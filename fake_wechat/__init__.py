"""A local stand-in for WeChat's HTTP API, speaking its JSON on loopback, for tests and the demo.
Nothing in the product imports it; it is started as a separate process or thread."""
