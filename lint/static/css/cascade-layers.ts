/**
 * Cascade layers of one style scope. Layers are ordered by when their name is
 * first met (`@layer a, b;`, `@layer a { }`, `@import ... layer(a)`); a
 * layer's sublayers come before its own rules, and rules outside any layer
 * come last. For normal declarations a later layer wins whatever the
 * specificity; for !important ones an earlier layer wins.
 */

export class LayerNode {
  readonly children = new Map<string, LayerNode>();
}

export class LayerTree {
  /** The implicit outermost layer: rules in no @layer. */
  readonly root = new LayerNode();
  private anonymous = 0;

  /** The layer a dotted name ("base.forms") names inside `parent`, created on first mention; a fresh anonymous layer when `name` is empty. */
  layer(parent: LayerNode, name: string): LayerNode {
    const parts = name.trim() === "" ? [`\u0000anonymous-${this.anonymous++}`] : name.split(".").map((p) => p.trim());
    let node = parent;
    for (const part of parts) {
      let child = node.children.get(part);
      if (!child) {
        child = new LayerNode();
        node.children.set(part, child);
      }
      node = child;
    }
    return node;
  }

  /** Each layer's rank: higher wins for normal declarations. The root (unlayered rules) ranks highest. */
  ranks(): Map<LayerNode, number> {
    const out = new Map<LayerNode, number>();
    const visit = (node: LayerNode): void => {
      for (const child of node.children.values()) visit(child);
      out.set(node, out.size);
    };
    visit(this.root);
    return out;
  }
}
