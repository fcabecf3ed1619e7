"""WeasyPrint reads nothing from the network or the disk for a booklet: all
it shows is in its HTML (text only; no images are fetched)."""


def refuse_fetch():
    from weasyprint.urls import URLFetcher

    class RefusingFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            raise ValueError(f"ressource refusée dans le livret : {url[:80]}")

    return RefusingFetcher()
