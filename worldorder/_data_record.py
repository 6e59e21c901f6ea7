"""Written by tools.build (make data): the rows and sha256 of every file in data/ this package was
built with. worldorder.integrity compares data/manifest.csv with it. Do not edit by hand."""

FILES = {
    'countries.csv': ('201', 'e08504358b67daa9393474f64c4db11e21f710bf346807e5834441d0105a13f1'),
    'blocs.csv': ('570', '72a368bdc22bccaa92e41dec68e731501ac15ef431f46337c64edda1c31ebc6e'),
    'resolutions.arrow': ('8338', '1d6f07734efbfe795f54e8d27e9a9465c09060cde03878d487a43d9e32ca9a27'),
    'votes.arrow': ('958844', '0e5b781b3255b28472dd7f3bd97998a2a6b7980e76c2b4b9fc0f7af58177e3f9'),
    'vote_disputes.csv': ('4', '9e3c2dc97e9bea9c96432769f5a390ee1d38642fe9306ad09df511a7af287f1b'),
    'timeline.csv': ('46', 'fc159e24668805ff2fb04c53eacaf7e6207c97f03e17926e365e811a3d0931cf'),
    'documents.csv': ('52', '7a18db53d796bd13f00fdb80689eb5f22dc08176b036933406e541e7adb9be35'),
    'search_terms.csv': ('4531', '475c5cbf76c90ce9057329388c4c6c4ba949399bf1a72f75fd7c651990fec157'),
    'claims.csv': ('147', '054b5f5cae8806f2e1cb7cb14331792316b64349313ee4ab9b2cc0d97e7c4ef1'),
    'world-110m.json': ('', '2516c915867c7baf18ddec727aec46c315541a07cfb3d79a6559b05d5e94eee8'),
    'LICENSE-world-atlas.txt': ('', '8048290dfdb6e83fbed17e8985c8cfc4ce9da9b842642f3d3e497280790cfa31'),
    'README.md': ('', '7e097d1fd7bae92b4a796a42d252b83c6ffb803a5c12d933f0c76474a224f341'),
}
