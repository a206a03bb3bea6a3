"""The static, embeddable edition of every figure (`make site`): the app's sibling, standing on figures/ and shaping/.

publish/ never imports ui/ (the Streamlit side) and ui/ never imports publish/: both draw the same builders' figures.
"""
