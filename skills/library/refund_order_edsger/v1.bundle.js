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
    const foundItem = order.items.find((item) => item.name === input.itemName);
    if (!foundItem) throw new Error(`No item with name ${JSON.stringify(input.itemName)} was found.`);
    const refundOrder = await tools.refund_order({
      orderId: input.orderId,
      amount: foundItem.unitPrice,
      reason: `Partial refund: ${input.itemName}`
    });
    await tools.send_email({
      to: order.customer.email,
      subject: `Your refund for order ${input.orderId}`,
      body: `Hi ${order.customer.name}, we refunded ${refundOrder.amount} USD for the ${input.itemName}.`
    });
    return { refundId: refundOrder.id, amount: refundOrder.amount };
  }
  return __toCommonJS(refund_order_edsger_exports);
})();
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsicmVmdW5kX29yZGVyX2Vkc2dlci50cyJdLAogICJzb3VyY2VzQ29udGVudCI6IFsiaW1wb3J0IHR5cGUgeyBUb29scyB9IGZyb20gXCJrbmFjazp0b29sc1wiO1xuXG5leHBvcnQgY29uc3QgbWV0YSA9IHsgbmFtZTogXCJyZWZ1bmRfb3JkZXJfZWRzZ2VyXCIsIGRlc2NyaXB0aW9uOiBcIlJlZnVuZCBvcmRlciA8b3JkZXJJZD4gZm9yIEVkc2dlci5cIiB9IGFzIGNvbnN0O1xuXG5leHBvcnQgaW50ZXJmYWNlIElucHV0IHtcbiAgb3JkZXJJZDogc3RyaW5nO1xuICBpdGVtTmFtZTogc3RyaW5nO1xufVxuXG5leHBvcnQgaW50ZXJmYWNlIE91dHB1dCB7XG4gIHJlZnVuZElkOiBzdHJpbmc7XG4gIGFtb3VudDogbnVtYmVyO1xufVxuXG4vKiogUmVmdW5kIG9yZGVyIDxvcmRlcklkPiBmb3IgRWRzZ2VyLiAodHJhY2UtY29tcGlsZWQgZnJvbSBtdWx0aS10dXJuLXBhcnRpYWwtcmVmdW5kLTg4MTkuKSAqL1xuZXhwb3J0IGRlZmF1bHQgYXN5bmMgZnVuY3Rpb24gcmVmdW5kT3JkZXJFZHNnZXIoaW5wdXQ6IElucHV0LCB0b29sczogVG9vbHMpOiBQcm9taXNlPE91dHB1dD4ge1xuICAvLyBtdWx0aS10dXJuLXBhcnRpYWwtcmVmdW5kLTg4MTkgc3RlcCAxOiBnZXRfb3JkZXJcbiAgY29uc3Qgb3JkZXIgPSBhd2FpdCB0b29scy5nZXRfb3JkZXIoeyBpZDogaW5wdXQub3JkZXJJZCB9KTtcbiAgLy8gbXVsdGktdHVybi1wYXJ0aWFsLXJlZnVuZC04ODE5IHN0ZXAgMjogcmVmdW5kX29yZGVyXG4gIGNvbnN0IGZvdW5kSXRlbSA9IG9yZGVyLml0ZW1zLmZpbmQoKGl0ZW0pID0+IGl0ZW0ubmFtZSA9PT0gaW5wdXQuaXRlbU5hbWUpO1xuICBpZiAoIWZvdW5kSXRlbSkgdGhyb3cgbmV3IEVycm9yKGBObyBpdGVtIHdpdGggbmFtZSAke0pTT04uc3RyaW5naWZ5KGlucHV0Lml0ZW1OYW1lKX0gd2FzIGZvdW5kLmApO1xuICBjb25zdCByZWZ1bmRPcmRlciA9IGF3YWl0IHRvb2xzLnJlZnVuZF9vcmRlcih7XG4gICAgb3JkZXJJZDogaW5wdXQub3JkZXJJZCxcbiAgICBhbW91bnQ6IGZvdW5kSXRlbS51bml0UHJpY2UsXG4gICAgcmVhc29uOiBgUGFydGlhbCByZWZ1bmQ6ICR7aW5wdXQuaXRlbU5hbWV9YCxcbiAgfSk7XG4gIC8vIG11bHRpLXR1cm4tcGFydGlhbC1yZWZ1bmQtODgxOSBzdGVwIDM6IHNlbmRfZW1haWxcbiAgYXdhaXQgdG9vbHMuc2VuZF9lbWFpbCh7XG4gICAgdG86IG9yZGVyLmN1c3RvbWVyLmVtYWlsLFxuICAgIHN1YmplY3Q6IGBZb3VyIHJlZnVuZCBmb3Igb3JkZXIgJHtpbnB1dC5vcmRlcklkfWAsXG4gICAgYm9keTogYEhpICR7b3JkZXIuY3VzdG9tZXIubmFtZX0sIHdlIHJlZnVuZGVkICR7cmVmdW5kT3JkZXIuYW1vdW50fSBVU0QgZm9yIHRoZSAke2lucHV0Lml0ZW1OYW1lfS5gLFxuICB9KTtcbiAgcmV0dXJuIHsgcmVmdW5kSWQ6IHJlZnVuZE9yZGVyLmlkLCBhbW91bnQ6IHJlZnVuZE9yZGVyLmFtb3VudCB9O1xufVxuIl0sCiAgIm1hcHBpbmdzIjogIjs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7O0FBQUE7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUVPLE1BQU0sT0FBTyxFQUFFLE1BQU0sdUJBQXVCLGFBQWEscUNBQXFDO0FBYXJHLGlCQUFPLGtCQUF5QyxPQUFjLE9BQStCO0FBRTNGLFVBQU0sUUFBUSxNQUFNLE1BQU0sVUFBVSxFQUFFLElBQUksTUFBTSxRQUFRLENBQUM7QUFFekQsVUFBTSxZQUFZLE1BQU0sTUFBTSxLQUFLLENBQUMsU0FBUyxLQUFLLFNBQVMsTUFBTSxRQUFRO0FBQ3pFLFFBQUksQ0FBQyxVQUFXLE9BQU0sSUFBSSxNQUFNLHFCQUFxQixLQUFLLFVBQVUsTUFBTSxRQUFRLENBQUMsYUFBYTtBQUNoRyxVQUFNLGNBQWMsTUFBTSxNQUFNLGFBQWE7QUFBQSxNQUMzQyxTQUFTLE1BQU07QUFBQSxNQUNmLFFBQVEsVUFBVTtBQUFBLE1BQ2xCLFFBQVEsbUJBQW1CLE1BQU0sUUFBUTtBQUFBLElBQzNDLENBQUM7QUFFRCxVQUFNLE1BQU0sV0FBVztBQUFBLE1BQ3JCLElBQUksTUFBTSxTQUFTO0FBQUEsTUFDbkIsU0FBUyx5QkFBeUIsTUFBTSxPQUFPO0FBQUEsTUFDL0MsTUFBTSxNQUFNLE1BQU0sU0FBUyxJQUFJLGlCQUFpQixZQUFZLE1BQU0sZ0JBQWdCLE1BQU0sUUFBUTtBQUFBLElBQ2xHLENBQUM7QUFDRCxXQUFPLEVBQUUsVUFBVSxZQUFZLElBQUksUUFBUSxZQUFZLE9BQU87QUFBQSxFQUNoRTsiLAogICJuYW1lcyI6IFtdCn0K
