"""Publication: a reviewed LKjIP frozen as an immutable snapshot, and the public pages."""
