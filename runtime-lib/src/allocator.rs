//! The generated server's `#[global_allocator]`: mimalloc, called directly.
//!
//! Handlers allocate and free many small objects per request — JS values, property maps,
//! strings, the parsed body and the JSON written back — and mimalloc's per-thread free lists
//! serve those with far fewer instructions than glibc's malloc (see `docs/benchmarks.md` for the
//! counts). It is built without transparent huge pages (`no_thp`) and tuned by
//! [`tune_allocator`], so peak memory stays near glibc's.
//!
//! The `mimalloc` crate's allocator sends every request through `mi_malloc_aligned`; nearly all
//! of ours need no more alignment than any mimalloc block has, so they take `mi_malloc`, which
//! skips the alignment bookkeeping.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// mimalloc's guaranteed alignment (`MI_MAX_ALIGN_SIZE`): a block of 16 bytes or more starts
/// at a multiple of 16 (mimalloc asserts this of every block it hands out, `alloc.c`:
/// `page->block_size < MI_MAX_ALIGN_SIZE || _mi_is_aligned(block, MI_MAX_ALIGN_SIZE)`), and
/// smaller blocks at a multiple of the word size, 8.
const GUARANTEED_ALIGN: usize = 16;

/// Whether a plain `mi_malloc(size)` block is aligned enough for `align`: up to 8 always (every
/// block is word-aligned), 16 when the block is at least 16 bytes, which `align <= size`
/// ensures — the rule Rust's `System` allocator applies to `malloc` too.
fn plain_block_suffices(align: usize, size: usize) -> bool {
    align <= GUARANTEED_ALIGN && align <= size
}

/// mimalloc as a `GlobalAlloc`.
pub struct Allocator;

/// The allocator value for `static ALLOCATOR: Allocator = ALLOCATOR;` in `main.rs`.
pub const ALLOCATOR: Allocator = Allocator;

// SAFETY: every method returns memory from mimalloc that satisfies `layout`: either through
// mimalloc's aligned entry points, which take the alignment as an argument, or through the
// plain ones only when `plain_block_suffices` proves their blocks aligned enough (see
// `GUARANTEED_ALIGN`). `dealloc` and `realloc` receive pointers this allocator returned, all of
// them mimalloc blocks, which `mi_free` and the `mi_realloc` variants accept whatever entry
// point allocated them.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl's comment; mimalloc's allocation functions have no preconditions.
        unsafe {
            if plain_block_suffices(layout.align(), layout.size()) {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        unsafe {
            if plain_block_suffices(layout.align(), layout.size()) {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator, hence from mimalloc.
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator; the new block keeps `layout.align()`, through
        // the plain call only when a block of `new_size` bytes is aligned enough.
        unsafe {
            if plain_block_suffices(layout.align(), new_size) {
                mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

/// Makes mimalloc return freed pages to the OS at once instead of 10 ms later: a request that
/// builds large arrays (the `crunch` benchmark) otherwise keeps its pages resident on every
/// worker thread, and peak RSS nearly doubled. Called by `http::serve` before any worker starts;
/// harmless when mimalloc is not the global allocator (it only sets an unused option).
pub(crate) fn tune_allocator() {
    /// `mi_option_purge_delay` in mimalloc's `mi_option_e` (v2 `mimalloc.h`: the 15th option).
    const PURGE_DELAY: mi::mi_option_t = 15;
    // SAFETY: `mi_option_set` takes two plain integers and writes one entry of mimalloc's
    // global option table; it has no pointer arguments and no precondition besides a valid
    // option number, which `PURGE_DELAY` is (checked against the header of the vendored v2).
    unsafe { mi::mi_option_set(PURGE_DELAY, 0) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_meet_every_alignment_they_are_asked_for() {
        let allocator = Allocator;
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 3, 8, 12, 16, 24, 40, 48, 100, 1000, 70_000] {
                let Ok(layout) = Layout::from_size_align(size, align) else {
                    continue;
                };
                // SAFETY: a non-zero-sized layout; the block is freed with the same allocator.
                unsafe {
                    let block = allocator.alloc(layout);
                    assert!(!block.is_null());
                    assert_eq!(block as usize % align, 0, "size {size}, align {align}");
                    let grown = allocator.realloc(block, layout, size * 3);
                    assert_eq!(grown as usize % align, 0, "realloc {size}, align {align}");
                    allocator.dealloc(grown, Layout::from_size_align_unchecked(size * 3, align));
                    let zeroed = allocator.alloc_zeroed(layout);
                    assert!(
                        std::slice::from_raw_parts(zeroed, size)
                            .iter()
                            .all(|&b| b == 0)
                    );
                    allocator.dealloc(zeroed, layout);
                }
            }
        }
    }
}
