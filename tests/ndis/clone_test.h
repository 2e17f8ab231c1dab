/* clone_test.h - the parent NBL the clone, fragment and reassembly tests derive
 * from, and an independent reader of a NET_BUFFER's used data. */
#ifndef WINNET_TEST_CLONE_H
#define WINNET_TEST_CLONE_H

#include "ndis_test.h"

#define SRC_TAG   'crSt' /* poolmon "tSrc" */
#define SRC_BYTES 8192u

/* Two NET_BUFFERs over one buffer of pattern bytes: the first's used data (40 bytes
 * in, 4100 long) crosses three MDLs (60 + 4000 + 40 bytes of it), the second's (8
 * bytes in, 500 long) lies in one. The NBL has a 16-byte context. */
struct src {
        NDIS_HANDLE drv, lpool, npool;
        unsigned char *mem;
        PMDL m[4];
        PNET_BUFFER_LIST nbl;
};

static inline unsigned char src_byte(size_t i)
{
        return (unsigned char)(i * 7u + 3u);
}

static inline void src_make(struct src *s, NDIS_HANDLE drv)
{
        size_t i;

        s->drv = drv;
        s->lpool = nbl_pool(drv, SRC_TAG, FALSE, 0, 16, 0);
        s->npool = nb_pool(drv, SRC_TAG, 0, 0);
        s->mem = NdisAllocateMemoryWithTagPriority(drv, SRC_BYTES, SRC_TAG, NormalPoolPriority);
        for (i = 0; i < SRC_BYTES; i++)
                s->mem[i] = src_byte(i);
        s->m[0] = NdisAllocateMdl(drv, s->mem, 100);
        s->m[1] = NdisAllocateMdl(drv, s->mem + 100, 4000);
        s->m[2] = NdisAllocateMdl(drv, s->mem + 4100, 100);
        s->m[3] = NdisAllocateMdl(drv, s->mem + 5000, 600);
        s->m[0]->Next = s->m[1];
        s->m[1]->Next = s->m[2];
        s->nbl = NdisAllocateNetBufferList(s->lpool, 16, 0);
        s->nbl->FirstNetBuffer = NdisAllocateNetBuffer(s->npool, s->m[0], 40, 4100);
        s->nbl->FirstNetBuffer->Next = NdisAllocateNetBuffer(s->npool, s->m[3], 8, 500);
}

static inline void src_free(struct src *s)
{
        PNET_BUFFER nb = s->nbl->FirstNetBuffer, next;
        int i;

        for (; nb; nb = next) {
                next = nb->Next;
                NdisFreeNetBuffer(nb);
        }
        s->nbl->FirstNetBuffer = NULL;
        NdisFreeNetBufferList(s->nbl);
        for (i = 0; i < 4; i++)
                NdisFreeMdl(s->m[i]);
        NdisFreeMemory(s->mem, 0, 0);
        NdisFreeNetBufferPool(s->npool);
        NdisFreeNetBufferListPool(s->lpool);
}

/* Copies nb's used data (DataLength bytes from DataOffset, through the MDLs) into
 * out; returns the bytes found before the chain ended. */
static inline size_t nb_read(const NET_BUFFER *nb, unsigned char *out, size_t cap)
{
        size_t skip = nb->DataOffset, left = nb->DataLength, got = 0;
        PMDL m;

        for (m = nb->MdlChain; m && left && got < cap; m = m->Next) {
                unsigned char *va = MmGetSystemAddressForMdlSafe(m, NormalPagePriority);
                size_t n;

                if (skip >= m->ByteCount) {
                        skip -= m->ByteCount;
                        continue;
                }
                n = m->ByteCount - skip;
                if (n > left)
                        n = left;
                if (n > cap - got)
                        n = cap - got;
                memcpy(out + got, va + skip, n);
                got += n;
                left -= n;
                skip = 0;
        }
        return got;
}

static inline unsigned nbl_count(const NET_BUFFER_LIST *nbl)
{
        const NET_BUFFER *nb;
        unsigned n = 0;

        for (nb = nbl->FirstNetBuffer; nb; nb = nb->Next)
                n++;
        return n;
}

#endif /* WINNET_TEST_CLONE_H */
