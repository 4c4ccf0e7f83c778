import json
bad = ['', '[1, 2', '{"a" 1}', '{"a": 1,}', '[1,]', '{1: 2}', '"abc', '[1] x', 'tru', '"\\q"', '{"a": 1 "b": 2}', '\n\n  [1,\n  ]', '"\\u12"', '"a\nb"', '01']
for s in bad:
    try:
        json.loads(s)
    except json.JSONDecodeError as e:
        print(repr(s), "->", e, "|", e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
