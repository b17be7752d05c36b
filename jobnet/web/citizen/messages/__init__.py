"""Messages with the job centre (issue 23): the person's threads, writing with attachments,
answers and read receipts. The job centre's side is `jobnet.web.jobcentre.messages`."""

from flask import Blueprint

from jobnet.web.citizen.messages.uploads import allow_uploads_on

bp = Blueprint("messages", __name__, url_prefix="/beskeder")
allow_uploads_on(bp, {"messages.new", "messages.reply"})

from jobnet.web.citizen.messages import messages, receipts, views  # noqa: E402, F401
