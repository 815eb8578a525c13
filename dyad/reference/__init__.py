"""Reference data: states (codes, COW codes, names, validity dates, successors), the
other names the gazetteer knows, and towns. Below annotation and the knowledge base,
which both read it; it reads nothing of theirs."""
