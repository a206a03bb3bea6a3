"""A Streamlit session without a browser: one websocket speaking Streamlit's own protobuf messages.

Used by benchmarks/run.py --measure load, where 20 Chromium sessions would measure two CPU cores drawing charts
more than the server serving them. It opens a page as the browser does (a BackMsg rerun_script naming the
page), reads every ForwardMsg of the script run until the run has finished, and reports what a reader would
have seen: the page title, the charts (with their Plotly JSON), error boxes, exception boxes and captions.
Streamlit has no public client library; the message types used here are the ones its frontend sends and reads
(streamlit.proto), so a Streamlit upgrade that changes them breaks this script, not the dashboard.
"""

import asyncio
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED = {
    ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY,
    ForwardMsg.ScriptFinishedStatus.FINISHED_WITH_COMPILE_ERROR,
}


@dataclass
class Seen:
    """What one script run sent, with times in seconds after the request was sent."""

    title: str | None = None
    charts: list[str] = field(default_factory=list)  # Plotly JSON of each chart
    error_boxes: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    first_chart: float | None = None
    data_at: float | None = None  # the data caption or an error box arrived: the data was read
    page_not_found: bool = False  # Streamlit ran the main page instead of the one asked for
    finished: float | None = None


class Session:
    """One Streamlit session on one websocket (a reader's browser tab, without the drawing)."""

    def __init__(self, base: str):
        self.base = base
        self.socket = None

    async def connect(self) -> None:
        url = self.base.replace("http://", "ws://") + "/_stcore/stream"
        self.socket = await websockets.connect(
            url, subprotocols=["streamlit"], origin=self.base, max_size=2**26, open_timeout=30, ping_interval=None
        )

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()

    async def open(self, page_name: str, timeout: float, query_string: str = "") -> Seen:
        """Run the page named by its URL path ('' for the default page), with link parameters such as
        'measure=Count', and collect what the run sent."""
        message = BackMsg()
        message.rerun_script.page_name = page_name
        message.rerun_script.query_string = query_string
        began = time.monotonic()
        await self.socket.send(message.SerializeToString())
        seen = Seen()
        while True:
            left = timeout - (time.monotonic() - began)
            if left <= 0:
                raise TimeoutError(f"the script run did not finish within {timeout:.0f} s")
            data = await asyncio.wait_for(self.socket.recv(), left)
            msg = ForwardMsg()
            msg.ParseFromString(data)
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                seen = Seen(
                    page_not_found=seen.page_not_found
                )  # a fresh session's first run: earlier elements were not this page
            elif kind == "page_not_found":
                seen.page_not_found = True
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                self._element(msg.delta.new_element, seen, time.monotonic() - began)
            elif kind == "script_finished" and msg.script_finished in FINISHED:
                seen.finished = time.monotonic() - began
                return seen
            elif kind == "script_finished":
                seen = Seen(
                    page_not_found=seen.page_not_found
                )  # ended early for a rerun (st.rerun): the next run is the page

    @staticmethod
    def _element(element, seen: Seen, at: float) -> None:
        kind = element.WhichOneof("type")
        if kind == "plotly_chart":
            seen.charts.append(element.plotly_chart.spec)
            seen.first_chart = seen.first_chart if seen.first_chart is not None else at
        elif kind == "heading" and element.heading.tag == "h1":
            seen.title = element.heading.body
        elif kind == "alert" and element.alert.format == Alert.Format.ERROR:
            seen.error_boxes.append(element.alert.body[:200])
            seen.data_at = seen.data_at if seen.data_at is not None else at
        elif kind == "exception":
            seen.exceptions.append(f"{element.exception.type}: {element.exception.message}"[:200])
        elif kind == "markdown":
            seen.captions.append(element.markdown.body)
            if element.markdown.body.startswith("Data:") and seen.data_at is None:
                seen.data_at = at
