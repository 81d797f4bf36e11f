"""What every Plotly chart on the pages shares when drawn."""

# No mode bar: on a touch screen it appears on tap and covers the legend. Zoom, pan and a
# double-tap reset still work on the chart itself.
PLOTLY_CONFIG = {"displayModeBar": False}
