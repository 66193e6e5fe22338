package build

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"qrboard/internal/atomicfile"
	"qrboard/internal/gzipsize"
	"qrboard/internal/ogimage"
	"qrboard/internal/qr"
)

// The cache folder (Options.Cache) holds, for each site built on this
// machine, its QR codes (qr-<hash of base address and level>.qrcache) and
// its sharing pictures (a folder og-<hash of base address>.ogcache) and
// the weights of its pages (gz-<hash of base address>.gzsizes), and for
// each output folder its manifest (site-<hash of its path>.manifest).
// All only save time: deleting the folder is always safe.
//
// A build opens them together when the project is loaded (openCaches)
// and saves them together after its commit (caches.save); the manifest
// is read and written by the output folder (package output), which
// manifestFile names.
const (
	qrCacheExt  = ".qrcache"
	ogCacheExt  = ".ogcache"
	weightsExt  = ".gzsizes"
	manifestExt = ".manifest"
	cacheMaxAge = 30 * 24 * time.Hour // files not written for this long are removed
)

// caches are the caches of a project's site.
type caches struct {
	qr      *qr.Cache      // nil: encode every code
	og      *ogimage.Cache // without a folder, draws every picture
	weights *gzipsize.Memo // without a folder, in memory only
}

// openCaches removes from opts.Cache what was not used for cacheMaxAge
// and opens the caches of p's site there (the QR codes over
// opts.QRCache, when set).
func openCaches(opts Options, p *Project) caches {
	pruneCache(opts.Cache)
	return caches{
		qr:      opts.QRCache.open(opts.Cache, p),
		og:      openOGCache(opts.Cache, p),
		weights: openWeights(opts.Cache, p),
	}
}

// save saves what the caches learned. complete says that every page's
// sharing picture was asked for, so that the pictures no page asked for
// can go. A cache that cannot be saved only costs time next time.
func (c caches) save(complete bool) {
	c.qr.Save()
	c.og.Tidy(complete)
	c.weights.Save()
}

// QRCache keeps QR codes in memory between the builds of one process
// (qrboard serve), over the cache files of Options.Cache: a rebuild
// neither reads the file again nor encodes a code it has seen. The zero
// QRCache is ready to use.
type QRCache struct {
	mu    sync.Mutex
	files map[string]*qr.Cache // by cache file: one per base address and level
}

// open returns the QR cache of p's site in dir: one file per base address
// and level, so two projects never fight over one file. Without a
// QRCache or a folder, it returns nil: every code is encoded.
func (c *QRCache) open(dir string, p *Project) *qr.Cache {
	name := cacheName("qr", p.Site.Config.Base.String()+" "+string(p.Level), qrCacheExt)
	if c == nil {
		if dir == "" {
			return nil
		}
		return qr.OpenCache(dir, name)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.files == nil {
		c.files = map[string]*qr.Cache{}
	}
	key := filepath.Join(dir, name)
	if qc := c.files[key]; qc != nil {
		return qc
	}
	qc := qr.OpenCache(dir, name)
	c.files[key] = qc
	return qc
}

// openOGCache returns the cache of p's sharing pictures in dir, or one
// that draws every picture when dir is "".
func openOGCache(dir string, p *Project) *ogimage.Cache {
	if dir != "" {
		dir = filepath.Join(dir, cacheName("og", p.Site.Config.Base.String(), ogCacheExt))
	}
	return ogimage.OpenCache(dir, programID())
}

// openWeights returns the memo of the weights of p's pages in dir, in
// memory only when dir is "".
func openWeights(dir string, p *Project) *gzipsize.Memo {
	if dir == "" {
		return gzipsize.Open("")
	}
	return gzipsize.Open(filepath.Join(dir, cacheName("gz", p.Site.Config.Base.String(), weightsExt)))
}

// manifestFile returns where the manifest of the output folder out is
// kept in dir, or "" without a cache.
func manifestFile(dir, out string) string {
	if dir == "" {
		return ""
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return ""
	}
	return filepath.Join(dir, cacheName("site", abs, manifestExt))
}

// cacheName names the cache entry of what key identifies (a site's base
// address, an output folder): PREFIX-<16 hex digits of its SHA-256>EXT.
func cacheName(prefix, key, ext string) string {
	sum := sha256.Sum256([]byte(key))
	return fmt.Sprintf("%s-%x%s", prefix, sum[:8], ext)
}

// pruneCache removes the cache files of sites and folders not built for
// cacheMaxAge, so the cache stays bounded, and the temporary files that a
// build stopped while saving them left behind.
func pruneCache(dir string) {
	if dir == "" {
		return
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		name, _, _ := strings.Cut(e.Name(), atomicfile.TempSuffix) // a save's temporary file: NAME.tmp-RANDOM
		if ext := filepath.Ext(name); ext != qrCacheExt && ext != ogCacheExt && ext != weightsExt && ext != manifestExt {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > cacheMaxAge {
			os.RemoveAll(filepath.Join(dir, e.Name())) // a folder of pictures is marked as used by ogimage.Cache.Tidy
		}
	}
}
