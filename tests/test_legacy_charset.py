"""A PO file in the charset its header declares (Windows-1252, not UTF-8) is read alike by sync, check and status."""

from __future__ import annotations

import json

from presslate.catalog.pofile import read_po, write_po

IRAQ = "2014-09-09-iom-iraq-on-sunday-joined-a-relief-convoy"
CONVOY = "The convoy carried humanitarian aid provided by UNICEF, WFP and UNFPA."
CONVOY_ES = "El convoy transportó ayuda humanitaria proporcionada por el UNICEF, el PMA y el UNFPA."


def test_windows_1252_catalog_is_checked_and_counted(seeded_workspace, run_cli):
    ws = seeded_workspace
    path = ws.po_path("es", IRAQ)
    catalog = read_po(path)
    catalog.header["Content-Type"] = "text/plain; charset=CP1252"
    catalog.header_comments = ["Spanish translation, saved by an old editor in Windows-1252."]
    catalog.find(CONVOY).msgstr = CONVOY_ES
    write_po(path, catalog)
    assert "transportó".encode("cp1252") in path.read_bytes()

    check = run_cli("-C", str(ws.root), "check", "--no-cache", "--format", "json", str(path))
    assert check.exit_code == 0, check.stderr
    assert json.loads(check.stdout)["errors"] == []

    status = run_cli("-C", str(ws.root), "status", "--no-cache", "--format", "json", "--lang", "es")
    assert status.exit_code == 0, status.stderr
    assert json.loads(status.stdout)["languages"]["es"]["translated"] == 1
