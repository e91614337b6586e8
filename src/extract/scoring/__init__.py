"""Scorers that compare predicted Documents with gold Documents (docs/annotation-guide.md, "How it is scored")."""
