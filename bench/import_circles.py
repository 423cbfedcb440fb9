#!/usr/bin/env python3
"""Lists the import circles between the crate's source files: file A names an item of file B
(`use crate::…`, `super::…`, or a path in code) and B names one of A. Comments and unit-test
modules are left out; a path is resolved to the longest module prefix that is a file.
Exits 1 when there is a circle. Usage: bench/import_circles.py [SRC_DIR]"""
import os,re,sys
root=sys.argv[1] if len(sys.argv)>1 else 'src'
files={}
for d,_,fs in os.walk(root):
    for f in fs:
        if f.endswith('.rs'): files[os.path.join(d,f)]=open(os.path.join(d,f)).read()
def modpath(p):
    rel=os.path.relpath(p,root)[:-3].split('/')
    if rel[-1] in('mod','lib','main'): rel=rel[:-1]
    return rel
mods={tuple(modpath(p)):p for p in files}
def resolve(segs):
    # longest prefix that is a module file
    for k in range(len(segs),0,-1):
        if tuple(segs[:k]) in mods: return mods[tuple(segs[:k])]
    return None
edges=set()
for p,src in files.items():
    me=modpath(p)
    src=re.sub(r"^\s*//.*$","",src,flags=re.M)
    src=re.sub(r'#\[cfg\(test\)\]\s*mod tests\s*\{.*','',src,flags=re.S)
    for m in re.finditer(r'\b((?:crate|super|self)(?:::\w+)+)',src):
        segs=m.group(1).split('::')
        cur=list(me)
        # module of file: for x.rs it's me; super is parent
        if segs[0]=='crate': path=segs[1:]
        else:
            path=cur[:]
            for s in segs:
                if s=='super': path=path[:-1]
                elif s=='self': pass
                else: break
            rest=[s for s in segs if s not in('super','self')]
            path=path+rest
        t=resolve(path)
        if t and t!=p and 'tests' not in t and 'tests' not in p: edges.add((p,t))
pairs=[(a,b) for (a,b) in edges if (b,a) in edges and a<b]
# SCCs
import collections
g=collections.defaultdict(set)
for a,b in edges: g[a].add(b)
idx={};low={};st=[];on=set();out=[];c=[0]
sys.setrecursionlimit(10000)
def sc(v):
    idx[v]=low[v]=c[0];c[0]+=1;st.append(v);on.add(v)
    for w in g[v]:
        if w not in idx: sc(w);low[v]=min(low[v],low[w])
        elif w in on: low[v]=min(low[v],idx[w])
    if low[v]==idx[v]:
        comp=[]
        while True:
            w=st.pop();on.discard(w);comp.append(w)
            if w==v:break
        if len(comp)>1: out.append(comp)
for v in list(files):
    if v not in idx: sc(v)
print('mutual pairs:',len(pairs))
for a,b in pairs: print(' ',a,'<->',b)
print('cycles (SCC>1):',len(out))
for comp in out: print(' ',sorted(comp))
sys.exit(1 if out else 0)
