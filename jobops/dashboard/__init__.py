"""The Streamlit side of JobOps: page helpers, the access gate, the theme and the server's start-up.

Nothing outside this package and the app shell (app.py, pages/) imports Streamlit.
"""
