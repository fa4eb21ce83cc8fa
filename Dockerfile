# The app image for compose.yaml: the web server and the judge workers run the same package.
FROM python:3.11-slim-bookworm
# WeasyPrint (interviewer kits as PDF) loads Pango and HarfBuzz with ctypes.
RUN apt-get update && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install --no-cache-dir ".[team]"
# Nobody needs root at run time; the judge's sandbox drops further privileges itself.
RUN useradd --create-home mlinterview
USER mlinterview
EXPOSE 8000
CMD ["mlinterview", "serve", "--team", "--host", "0.0.0.0", "--port", "8000"]
