# Writes a one-page PDF 1.4 rubric with the standard Helvetica fonts (no embedded fonts, no tools needed).
lines = [
    ("F2", 16, 56, 770, "CS 101 Office Hours Rubric - TA Training Module 3"),
    ("F1", 10, 56, 750, "Used by the Glow grader agent to score a TA's simulated office-hours session (0-100)."),
]
rows = [
    ("Criterion", "Weight", "Full credit looks like"),
    ("Diagnoses the misconception", "25", "Asks what the student expects before showing code"),
    ("Guides instead of telling", "25", "Uses questions; the student writes the fix"),
    ("Checks understanding", "20", "Student explains the base case back in own words"),
    ("Tone and inclusion", "15", "Patient, no jargon without explanation"),
    ("Academic integrity", "10", "Never writes graded code for the student"),
    ("FERPA and privacy", "5", "No other student's grades or names disclosed"),
]
y = 712
for i, (a, b, c) in enumerate(rows):
    font = "F2" if i == 0 else "F1"
    lines += [(font, 11, 56, y, a), (font, 11, 250, y, b), (font, 11, 300, y, c)]
    y -= 24
lines += [("F1", 10, 56, y - 10, "Score bands: 90-100 exemplary, 75-89 proficient, 60-74 developing, below 60 needs coaching."),
          ("F1", 9, 56, 60, "Demo data for Glow Admin. Fictional course, fictional students.")]
def esc(s): return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
ops = ["0.15 0.39 0.92 RG 1 w 56 740 m 556 740 l S"]
ops += ["0.8 0.8 0.8 RG 0.5 w"] + [f"56 {712 - 24 * i - 7} m 556 {712 - 24 * i - 7} l S" for i in range(len(rows))]
ops += [f"BT /{f} {s} Tf {x} {yy} Td ({esc(t)}) Tj ET" for f, s, x, yy, t in lines]
content = "\n".join(ops).encode("latin-1")
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
    b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    b"<< /Title (CS 101 Office Hours Rubric) /Producer (hand-written for Glow demo data) >>",
]
out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
offsets = []
for n, body in enumerate(objs, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
out += b"trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open("office-hours-rubric.pdf", "wb").write(out)
