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

  // refund_order_edsger.ts
  var refund_order_edsger_exports = {};
  __export(refund_order_edsger_exports, {
    default: () => refundOrderEdsger,
    meta: () => meta
  });
  var meta = { name: "refund_order_edsger", description: "Refund order <orderId> for Edsger." };
  async function refundOrderEdsger(input, tools) {
    const order = await tools.get_order({ id: input.orderId });
    const refundOrder = await tools.refund_order({
      orderId: input.orderId,
      amount: order.items.find((item) => item.name === "Paper filters (100)").unitPrice,
      reason: `Partial refund: ${order.items[1].name}`
    });
    await tools.send_email({
      to: order.customer.email,
      subject: `Your refund for order ${input.orderId}`,
      body: `Hi ${order.customer.name}, we refunded ${refundOrder.amount} USD for the ${order.items[1].name}.`
    });
    return { refundId: refundOrder.id, amount: refundOrder.amount };
  }
  return __toCommonJS(refund_order_edsger_exports);
})();
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsicmVmdW5kX29yZGVyX2Vkc2dlci50cyJdLAogICJzb3VyY2VzQ29udGVudCI6IFsiaW1wb3J0IHR5cGUgeyBUb29scyB9IGZyb20gXCJrbmFjazp0b29sc1wiO1xuXG5leHBvcnQgY29uc3QgbWV0YSA9IHsgbmFtZTogXCJyZWZ1bmRfb3JkZXJfZWRzZ2VyXCIsIGRlc2NyaXB0aW9uOiBcIlJlZnVuZCBvcmRlciA8b3JkZXJJZD4gZm9yIEVkc2dlci5cIiB9IGFzIGNvbnN0O1xuXG5leHBvcnQgaW50ZXJmYWNlIElucHV0IHtcbiAgb3JkZXJJZDogc3RyaW5nO1xufVxuXG5leHBvcnQgaW50ZXJmYWNlIE91dHB1dCB7XG4gIHJlZnVuZElkOiBzdHJpbmc7XG4gIGFtb3VudDogbnVtYmVyO1xufVxuXG4vKiogUmVmdW5kIG9yZGVyIDxvcmRlcklkPiBmb3IgRWRzZ2VyLiAodHJhY2UtY29tcGlsZWQgZnJvbSBtdWx0aS10dXJuLXBhcnRpYWwtcmVmdW5kLTg4MTkuKSAqL1xuZXhwb3J0IGRlZmF1bHQgYXN5bmMgZnVuY3Rpb24gcmVmdW5kT3JkZXJFZHNnZXIoaW5wdXQ6IElucHV0LCB0b29sczogVG9vbHMpOiBQcm9taXNlPE91dHB1dD4ge1xuICAvLyBtdWx0aS10dXJuLXBhcnRpYWwtcmVmdW5kLTg4MTkgc3RlcCAxOiBnZXRfb3JkZXJcbiAgY29uc3Qgb3JkZXIgPSBhd2FpdCB0b29scy5nZXRfb3JkZXIoeyBpZDogaW5wdXQub3JkZXJJZCB9KTtcbiAgLy8gbXVsdGktdHVybi1wYXJ0aWFsLXJlZnVuZC04ODE5IHN0ZXAgMjogcmVmdW5kX29yZGVyXG4gIGNvbnN0IHJlZnVuZE9yZGVyID0gYXdhaXQgdG9vbHMucmVmdW5kX29yZGVyKHtcbiAgICBvcmRlcklkOiBpbnB1dC5vcmRlcklkLFxuICAgIGFtb3VudDogb3JkZXIuaXRlbXMuZmluZCgoaXRlbSkgPT4gaXRlbS5uYW1lID09PSBcIlBhcGVyIGZpbHRlcnMgKDEwMClcIikudW5pdFByaWNlLFxuICAgIHJlYXNvbjogYFBhcnRpYWwgcmVmdW5kOiAke29yZGVyLml0ZW1zWzFdLm5hbWV9YCxcbiAgfSk7XG4gIC8vIG11bHRpLXR1cm4tcGFydGlhbC1yZWZ1bmQtODgxOSBzdGVwIDM6IHNlbmRfZW1haWxcbiAgYXdhaXQgdG9vbHMuc2VuZF9lbWFpbCh7XG4gICAgdG86IG9yZGVyLmN1c3RvbWVyLmVtYWlsLFxuICAgIHN1YmplY3Q6IGBZb3VyIHJlZnVuZCBmb3Igb3JkZXIgJHtpbnB1dC5vcmRlcklkfWAsXG4gICAgYm9keTogYEhpICR7b3JkZXIuY3VzdG9tZXIubmFtZX0sIHdlIHJlZnVuZGVkICR7cmVmdW5kT3JkZXIuYW1vdW50fSBVU0QgZm9yIHRoZSAke29yZGVyLml0ZW1zWzFdLm5hbWV9LmAsXG4gIH0pO1xuICByZXR1cm4geyByZWZ1bmRJZDogcmVmdW5kT3JkZXIuaWQsIGFtb3VudDogcmVmdW5kT3JkZXIuYW1vdW50IH07XG59XG4iXSwKICAibWFwcGluZ3MiOiAiOzs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUFBO0FBRU8sTUFBTSxPQUFPLEVBQUUsTUFBTSx1QkFBdUIsYUFBYSxxQ0FBcUM7QUFZckcsaUJBQU8sa0JBQXlDLE9BQWMsT0FBK0I7QUFFM0YsVUFBTSxRQUFRLE1BQU0sTUFBTSxVQUFVLEVBQUUsSUFBSSxNQUFNLFFBQVEsQ0FBQztBQUV6RCxVQUFNLGNBQWMsTUFBTSxNQUFNLGFBQWE7QUFBQSxNQUMzQyxTQUFTLE1BQU07QUFBQSxNQUNmLFFBQVEsTUFBTSxNQUFNLEtBQUssQ0FBQyxTQUFTLEtBQUssU0FBUyxxQkFBcUIsRUFBRTtBQUFBLE1BQ3hFLFFBQVEsbUJBQW1CLE1BQU0sTUFBTSxDQUFDLEVBQUUsSUFBSTtBQUFBLElBQ2hELENBQUM7QUFFRCxVQUFNLE1BQU0sV0FBVztBQUFBLE1BQ3JCLElBQUksTUFBTSxTQUFTO0FBQUEsTUFDbkIsU0FBUyx5QkFBeUIsTUFBTSxPQUFPO0FBQUEsTUFDL0MsTUFBTSxNQUFNLE1BQU0sU0FBUyxJQUFJLGlCQUFpQixZQUFZLE1BQU0sZ0JBQWdCLE1BQU0sTUFBTSxDQUFDLEVBQUUsSUFBSTtBQUFBLElBQ3ZHLENBQUM7QUFDRCxXQUFPLEVBQUUsVUFBVSxZQUFZLElBQUksUUFBUSxZQUFZLE9BQU87QUFBQSxFQUNoRTsiLAogICJuYW1lcyI6IFtdCn0K
