# What python-docx (Debian's python3-docx) reads in a Word file, as JSON, for test/docx/*.test.ts.
import json
import sys
import zipfile

import docx
from docx.oxml.ns import qn

document = docx.Document(sys.argv[1])
cp = document.core_properties


def header_flags(table):
    return [row._tr.trPr is not None and row._tr.trPr.find(qn('w:tblHeader')) is not None for row in table.rows]


defaults = document.styles.element.find(qn('w:docDefaults'))
lang = defaults.find('.//' + qn('w:lang')) if defaults is not None else None
sections = []
for s in document.sections:
    footer = s.footer
    fields = [t.text for t in footer._element.iter(qn('w:instrText'))]
    sections.append({
        'widthMm': round(s.page_width.mm, 1),
        'heightMm': round(s.page_height.mm, 1),
        'margins': [round(m.mm, 1) for m in (s.top_margin, s.right_margin, s.bottom_margin, s.left_margin)],
        'footer': '\n'.join(p.text for p in footer.paragraphs),
        'footerFields': fields,
    })
images = []
for shape in document.inline_shapes:
    pr = shape._inline.docPr
    images.append({'descr': pr.get('descr'), 'title': pr.get('title'), 'widthCm': round(shape.width.cm, 2), 'heightCm': round(shape.height.cm, 2)})
with zipfile.ZipFile(sys.argv[1]) as z:
    bad_member = z.testzip()  # every part read back and its CRC checked
print(json.dumps({
    'zipOk': bad_member is None,
    'core': {
        'title': cp.title, 'subject': cp.subject, 'language': cp.language, 'author': cp.author,
        'created': cp.created.isoformat() if cp.created else None,
        'modified': cp.modified.isoformat() if cp.modified else None,
    },
    'paragraphs': [{'style': p.style.name, 'text': p.text} for p in document.paragraphs],
    'tables': [{'header': header_flags(t), 'rows': [[c.text for c in row.cells] for row in t.rows]} for t in document.tables],
    'images': images,
    'sections': sections,
    'defaultLanguage': lang.get(qn('w:val')) if lang is not None else None,
}))
