// Kaleido's page loads MathJax from a CDN unless given a local file; no chart here uses LaTeX, so it gets this empty one.
