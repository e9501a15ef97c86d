"""The WSGI application: WeChat's API paths, the /__fake__/ controls, and injected faults."""

from collections.abc import Iterable

from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import Map
from werkzeug.wrappers import Request, Response

from fake_wechat import control_routes, miniprogram_routes, official_account_routes, token_routes
from fake_wechat.state import FakeWeChatState, Fault
from fake_wechat.wechat_errors import WeChatError
from fake_wechat.wechat_http import errcode_of, wechat_json

CONTROL_PREFIX = "/__fake__/"

# What WeChat's front servers answer when the service behind them fails.
_HTTP_500_PAGE = "<html>\r\n<head><title>500 Internal Server Error</title></head>\r\n<body>\r\n" \
    "<center><h1>500 Internal Server Error</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"


class FakeWeChatApp:
    def __init__(self, state: FakeWeChatState) -> None:
        self.state = state
        self.url_map = Map(
            token_routes.rules() + miniprogram_routes.rules() + official_account_routes.rules()
            + control_routes.rules(),
            strict_slashes=False,
        )

    def __call__(self, environ: dict, start_response) -> Iterable[bytes]:  # type: ignore[no-untyped-def]
        request = Request(environ)
        return self.respond(request)(environ, start_response)

    def respond(self, request: Request) -> Response:
        adapter = self.url_map.bind_to_environ(request.environ)
        try:
            handler, arguments = adapter.match()
        except NotFound:
            return Response(f"fake_wechat does not serve {request.path}\n", 404, mimetype="text/plain")
        except MethodNotAllowed as error:
            return Response(f"use {', '.join(error.valid_methods or [])}\n", 405, mimetype="text/plain")
        if request.path.startswith(CONTROL_PREFIX):
            return control_routes.handle(handler, self.state, request, **arguments)
        response = self._wechat_call(handler, request)
        self.state.record_call(request.method, request.path, response.status_code, errcode_of(response))
        return response

    def _wechat_call(self, handler, request: Request) -> Response:  # type: ignore[no-untyped-def]
        fault = self.state.take_fault(request.path)
        if fault is not None:
            failed = self._fail(fault)
            if failed is not None:
                return failed
        try:
            return handler(self.state, request)
        except WeChatError as error:
            return wechat_json(error.body(self.state.now()))

    def _fail(self, fault: Fault) -> Response | None:
        if fault.mode == "hang":
            # A slow WeChat: the call still happens (a login code is used up) after the delay, so a
            # client that gave up and retries meets what it would meet in production.
            self.state.wait(fault.seconds)
            return None
        if fault.mode == "http_500":
            return Response(_HTTP_500_PAGE, 500, mimetype="text/html")
        errcode = -1 if fault.mode == "system_busy" else 45011
        return wechat_json(WeChatError(errcode).body(self.state.now()))


def create_app(state: FakeWeChatState | None = None) -> FakeWeChatApp:
    return FakeWeChatApp(state or FakeWeChatState())
