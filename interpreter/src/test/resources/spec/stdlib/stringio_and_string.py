import io
import string
buf = io.StringIO()
buf.write("hello ")
buf.write("world\n")
print("line two", file=buf)
print(repr(buf.getvalue()))
reader = io.StringIO("a\nb\nc")
print(reader.readline(), reader.read())
print(string.ascii_lowercase, string.ascii_uppercase, string.digits)
print(string.ascii_letters[:5], string.punctuation[:5], string.hexdigits, string.octdigits)
