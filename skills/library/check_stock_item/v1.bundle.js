/* knack:bundle v1 */
var __knackSkill = (() => {
  var __defProp = Object.defineProperty;
  var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
  var __getOwnPropNames = Object.getOwnPropertyNames;
  var __hasOwnProp = Object.prototype.hasOwnProperty;
  var __export = (target, all) => {
    for (var name in all)
      __defProp(target, name, { get: all[name], enumerable: true });
  };
  var __copyProps = (to, from, except, desc) => {
    if (from && typeof from === "object" || typeof from === "function") {
      for (let key of __getOwnPropNames(from))
        if (!__hasOwnProp.call(to, key) && key !== except)
          __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
    }
    return to;
  };
  var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

  // check_stock_item.ts
  var check_stock_item_exports = {};
  __export(check_stock_item_exports, {
    default: () => checkStockItem,
    meta: () => meta
  });
  var meta = { name: "check_stock_item", description: "Check the stock of every item of order <orderId>." };
  async function checkStockItem(input, tools) {
    const order = await tools.get_order({ id: input.orderId });
    const checkStocks = [];
    for (const item of order.items) {
      checkStocks.push(await tools.inventory.check_stock({ sku: item.sku }));
    }
    return { orderId: input.orderId, stock: checkStocks };
  }
  return __toCommonJS(check_stock_item_exports);
})();
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsiY2hlY2tfc3RvY2tfaXRlbS50cyJdLAogICJzb3VyY2VzQ29udGVudCI6IFsiaW1wb3J0IHR5cGUgeyBUb29scyB9IGZyb20gXCJrbmFjazp0b29sc1wiO1xuXG5leHBvcnQgY29uc3QgbWV0YSA9IHsgbmFtZTogXCJjaGVja19zdG9ja19pdGVtXCIsIGRlc2NyaXB0aW9uOiBcIkNoZWNrIHRoZSBzdG9jayBvZiBldmVyeSBpdGVtIG9mIG9yZGVyIDxvcmRlcklkPi5cIiB9IGFzIGNvbnN0O1xuXG5leHBvcnQgaW50ZXJmYWNlIElucHV0IHtcbiAgb3JkZXJJZDogc3RyaW5nO1xufVxuXG5leHBvcnQgaW50ZXJmYWNlIE91dHB1dCB7XG4gIG9yZGVySWQ6IHN0cmluZztcbiAgc3RvY2s6IHtcbiAgICBza3U6IHN0cmluZztcbiAgICBhdmFpbGFibGU6IG51bWJlcjtcbiAgICB3YXJlaG91c2U6IHN0cmluZztcbiAgfVtdO1xufVxuXG4vKiogQ2hlY2sgdGhlIHN0b2NrIG9mIGV2ZXJ5IGl0ZW0gb2Ygb3JkZXIgPG9yZGVySWQ+LiAodHJhY2UtY29tcGlsZWQgZnJvbSBjaGVjay1zdG9jay04ODIyLCBjaGVjay1zdG9jay04ODIzLikgKi9cbmV4cG9ydCBkZWZhdWx0IGFzeW5jIGZ1bmN0aW9uIGNoZWNrU3RvY2tJdGVtKGlucHV0OiBJbnB1dCwgdG9vbHM6IFRvb2xzKTogUHJvbWlzZTxPdXRwdXQ+IHtcbiAgLy8gY2hlY2stc3RvY2stODgyMiBzdGVwIDE6IGdldF9vcmRlclxuICBjb25zdCBvcmRlciA9IGF3YWl0IHRvb2xzLmdldF9vcmRlcih7IGlkOiBpbnB1dC5vcmRlcklkIH0pO1xuICAvLyBjaGVjay1zdG9jay04ODIyIHN0ZXBzIDItNDogaW52ZW50b3J5LmNoZWNrX3N0b2NrIGZvciBlYWNoIGVsZW1lbnRcbiAgY29uc3QgY2hlY2tTdG9ja3M6IEF3YWl0ZWQ8UmV0dXJuVHlwZTxUb29sc1tcImludmVudG9yeVwiXVtcImNoZWNrX3N0b2NrXCJdPj5bXSA9IFtdO1xuICBmb3IgKGNvbnN0IGl0ZW0gb2Ygb3JkZXIuaXRlbXMpIHtcbiAgICBjaGVja1N0b2Nrcy5wdXNoKGF3YWl0IHRvb2xzLmludmVudG9yeS5jaGVja19zdG9jayh7IHNrdTogaXRlbS5za3UgfSkpO1xuICB9XG4gIHJldHVybiB7IG9yZGVySWQ6IGlucHV0Lm9yZGVySWQsIHN0b2NrOiBjaGVja1N0b2NrcyB9O1xufVxuIl0sCiAgIm1hcHBpbmdzIjogIjs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7O0FBQUE7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUVPLE1BQU0sT0FBTyxFQUFFLE1BQU0sb0JBQW9CLGFBQWEsb0RBQW9EO0FBZ0JqSCxpQkFBTyxlQUFzQyxPQUFjLE9BQStCO0FBRXhGLFVBQU0sUUFBUSxNQUFNLE1BQU0sVUFBVSxFQUFFLElBQUksTUFBTSxRQUFRLENBQUM7QUFFekQsVUFBTSxjQUF3RSxDQUFDO0FBQy9FLGVBQVcsUUFBUSxNQUFNLE9BQU87QUFDOUIsa0JBQVksS0FBSyxNQUFNLE1BQU0sVUFBVSxZQUFZLEVBQUUsS0FBSyxLQUFLLElBQUksQ0FBQyxDQUFDO0FBQUEsSUFDdkU7QUFDQSxXQUFPLEVBQUUsU0FBUyxNQUFNLFNBQVMsT0FBTyxZQUFZO0FBQUEsRUFDdEQ7IiwKICAibmFtZXMiOiBbXQp9Cg==
