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

  // refund_order_full.ts
  var refund_order_full_exports = {};
  __export(refund_order_full_exports, {
    default: () => refundOrderFull,
    meta: () => meta
  });
  var meta = { name: "refund_order_full", description: "Refund order <orderId> in full, it arrived damaged." };
  async function refundOrderFull(input, tools) {
    const order = await tools.get_order({ id: input.orderId });
    const refundOrder = await tools.refund_order({ orderId: input.orderId, amount: order.total, reason: "Arrived damaged" });
    await tools.send_email({
      to: order.customer.email,
      subject: `Your refund for order ${input.orderId}`,
      body: `Hi ${order.customer.name}, we refunded ${refundOrder.amount} USD for order ${input.orderId}. Sorry it arrived damaged!`
    });
    return { refundId: refundOrder.id, amount: refundOrder.amount };
  }
  return __toCommonJS(refund_order_full_exports);
})();
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsicmVmdW5kX29yZGVyX2Z1bGwudHMiXSwKICAic291cmNlc0NvbnRlbnQiOiBbImltcG9ydCB0eXBlIHsgVG9vbHMgfSBmcm9tIFwia25hY2s6dG9vbHNcIjtcblxuZXhwb3J0IGNvbnN0IG1ldGEgPSB7IG5hbWU6IFwicmVmdW5kX29yZGVyX2Z1bGxcIiwgZGVzY3JpcHRpb246IFwiUmVmdW5kIG9yZGVyIDxvcmRlcklkPiBpbiBmdWxsLCBpdCBhcnJpdmVkIGRhbWFnZWQuXCIgfSBhcyBjb25zdDtcblxuZXhwb3J0IGludGVyZmFjZSBJbnB1dCB7XG4gIG9yZGVySWQ6IHN0cmluZztcbn1cblxuZXhwb3J0IGludGVyZmFjZSBPdXRwdXQge1xuICByZWZ1bmRJZDogc3RyaW5nO1xuICBhbW91bnQ6IG51bWJlcjtcbn1cblxuLyoqIFJlZnVuZCBvcmRlciA8b3JkZXJJZD4gaW4gZnVsbCwgaXQgYXJyaXZlZCBkYW1hZ2VkLiAodHJhY2UtY29tcGlsZWQgZnJvbSByZWZ1bmQtZGFtYWdlZC04ODEyLCByZWZ1bmQtZGFtYWdlZC04ODE0LCByZWZ1bmQtZGFtYWdlZC04ODE3LikgKi9cbmV4cG9ydCBkZWZhdWx0IGFzeW5jIGZ1bmN0aW9uIHJlZnVuZE9yZGVyRnVsbChpbnB1dDogSW5wdXQsIHRvb2xzOiBUb29scyk6IFByb21pc2U8T3V0cHV0PiB7XG4gIC8vIHJlZnVuZC1kYW1hZ2VkLTg4MTIgc3RlcCAxOiBnZXRfb3JkZXJcbiAgY29uc3Qgb3JkZXIgPSBhd2FpdCB0b29scy5nZXRfb3JkZXIoeyBpZDogaW5wdXQub3JkZXJJZCB9KTtcbiAgLy8gcmVmdW5kLWRhbWFnZWQtODgxMiBzdGVwIDI6IHJlZnVuZF9vcmRlclxuICBjb25zdCByZWZ1bmRPcmRlciA9IGF3YWl0IHRvb2xzLnJlZnVuZF9vcmRlcih7IG9yZGVySWQ6IGlucHV0Lm9yZGVySWQsIGFtb3VudDogb3JkZXIudG90YWwsIHJlYXNvbjogXCJBcnJpdmVkIGRhbWFnZWRcIiB9KTtcbiAgLy8gcmVmdW5kLWRhbWFnZWQtODgxMiBzdGVwIDM6IHNlbmRfZW1haWxcbiAgYXdhaXQgdG9vbHMuc2VuZF9lbWFpbCh7XG4gICAgdG86IG9yZGVyLmN1c3RvbWVyLmVtYWlsLFxuICAgIHN1YmplY3Q6IGBZb3VyIHJlZnVuZCBmb3Igb3JkZXIgJHtpbnB1dC5vcmRlcklkfWAsXG4gICAgYm9keTogYEhpICR7b3JkZXIuY3VzdG9tZXIubmFtZX0sIHdlIHJlZnVuZGVkICR7cmVmdW5kT3JkZXIuYW1vdW50fSBVU0QgZm9yIG9yZGVyICR7aW5wdXQub3JkZXJJZH0uIFNvcnJ5IGl0IGFycml2ZWQgZGFtYWdlZCFgLFxuICB9KTtcbiAgcmV0dXJuIHsgcmVmdW5kSWQ6IHJlZnVuZE9yZGVyLmlkLCBhbW91bnQ6IHJlZnVuZE9yZGVyLmFtb3VudCB9O1xufVxuIl0sCiAgIm1hcHBpbmdzIjogIjs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7O0FBQUE7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUVPLE1BQU0sT0FBTyxFQUFFLE1BQU0scUJBQXFCLGFBQWEsc0RBQXNEO0FBWXBILGlCQUFPLGdCQUF1QyxPQUFjLE9BQStCO0FBRXpGLFVBQU0sUUFBUSxNQUFNLE1BQU0sVUFBVSxFQUFFLElBQUksTUFBTSxRQUFRLENBQUM7QUFFekQsVUFBTSxjQUFjLE1BQU0sTUFBTSxhQUFhLEVBQUUsU0FBUyxNQUFNLFNBQVMsUUFBUSxNQUFNLE9BQU8sUUFBUSxrQkFBa0IsQ0FBQztBQUV2SCxVQUFNLE1BQU0sV0FBVztBQUFBLE1BQ3JCLElBQUksTUFBTSxTQUFTO0FBQUEsTUFDbkIsU0FBUyx5QkFBeUIsTUFBTSxPQUFPO0FBQUEsTUFDL0MsTUFBTSxNQUFNLE1BQU0sU0FBUyxJQUFJLGlCQUFpQixZQUFZLE1BQU0sa0JBQWtCLE1BQU0sT0FBTztBQUFBLElBQ25HLENBQUM7QUFDRCxXQUFPLEVBQUUsVUFBVSxZQUFZLElBQUksUUFBUSxZQUFZLE9BQU87QUFBQSxFQUNoRTsiLAogICJuYW1lcyI6IFtdCn0K
