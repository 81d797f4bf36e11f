"""Pure logic behind the pages (no Streamlit): URL query parsing and cleaning, input
parsing, and table data. The views read widgets and call these."""
