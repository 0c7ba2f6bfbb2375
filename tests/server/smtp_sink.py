"""A loopback SMTP server for tst_otpdelivery (Debian's python3-aiosmtpd).

Usage: python3 smtp_sink.py DIR

Listens on 127.0.0.1 on a free port and prints "listening on PORT" once it accepts connections.
Each accepted message is written to DIR/<n>.eml (renamed into place when complete), preceded by
X-Envelope-From and X-Envelope-To lines with the SMTP envelope. Recipients whose local part
starts with "refused" get "550 5.1.1", like an unknown mailbox. Runs until it is terminated.
"""

import asyncio
import os
import sys

from aiosmtpd.smtp import SMTP


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refused"):
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        path = os.path.join(self.directory, "%d.eml" % self.count)
        with open(path + ".part", "wb") as file:
            file.write(b"X-Envelope-From: %s\r\n" % envelope.mail_from.encode())
            file.write(b"X-Envelope-To: %s\r\n" % ",".join(envelope.rcpt_tos).encode())
            file.write(envelope.original_content)
        os.rename(path + ".part", path)
        return "250 OK: queued"


async def main(directory):
    sink = Sink(directory)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(sink, hostname="sink.localhost"), "127.0.0.1", 0
    )
    print("listening on %d" % server.sockets[0].getsockname()[1], flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
