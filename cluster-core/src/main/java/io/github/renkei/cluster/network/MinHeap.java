package io.github.renkei.cluster.network;

/**
 * A binary min-heap of node numbers keyed by an external distance array, with decrease-key.
 * The caller lowers a key in the array, then calls {@link #decreased}.
 */
final class MinHeap {
  private final int[] heap;
  private final int[] position;
  private final double[] key;
  private int size;

  MinHeap(int n, double[] key) {
    this.heap = new int[n];
    this.position = new int[n];
    this.key = key;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void push(int v) {
    heap[size] = v;
    position[v] = size;
    up(size++);
  }

  void decreased(int v) {
    up(position[v]);
  }

  int pop() {
    int top = heap[0];
    int last = heap[--size];
    if (size > 0) {
      heap[0] = last;
      position[last] = 0;
      down(0);
    }
    return top;
  }

  private void up(int i) {
    int x = heap[i];
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (key[heap[p]] <= key[x]) {
        break;
      }
      heap[i] = heap[p];
      position[heap[i]] = i;
      i = p;
    }
    heap[i] = x;
    position[x] = i;
  }

  private void down(int i) {
    int x = heap[i];
    while (true) {
      int c = 2 * i + 1;
      if (c >= size) {
        break;
      }
      if (c + 1 < size && key[heap[c + 1]] < key[heap[c]]) {
        c++;
      }
      if (key[heap[c]] >= key[x]) {
        break;
      }
      heap[i] = heap[c];
      position[heap[i]] = i;
      i = c;
    }
    heap[i] = x;
    position[x] = i;
  }
}
