package io.orderflow.fulfillment.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.orderflow.fulfillment.process.PaymentProcess.Variables;
import io.orderflow.fulfillment.tasks.FormSchema;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The payment models match the names in {@link PaymentProcess} and the forms give the variables the next steps read.
 * (The general rules every model obeys, diagram interchange, Zeebe validity and linked forms, are in
 * {@link ProcessModelRulesTest}.)
 */
class PaymentModelRulesTest {

  private static final BpmnModelInstance PAYMENT = Bpmn.readModelFromFile(new File("processes/payment.bpmn"));
  private static final BpmnModelInstance SETTLEMENT =
      Bpmn.readModelFromFile(new File("processes/payment-settlement.bpmn"));
  private static final List<BpmnModelInstance> MODELS = List.of(PAYMENT, SETTLEMENT);

  @Test
  @DisplayName("The payment models use exactly the job types the code names (capture-payment is the order "
      + "process's)")
  void jobTypes() throws IllegalAccessException {
    Set<String> used = MODELS.stream().flatMap(m -> m.getModelElementsByType(ServiceTask.class).stream())
        .map(t -> t.getSingleExtensionElement(ZeebeTaskDefinition.class).getType()).collect(Collectors.toSet());
    Set<String> named = constants(PaymentProcess.JobTypes.class);
    named.remove(PaymentProcess.JobTypes.CAPTURE_PAYMENT);

    assertThat(used).containsExactlyInAnyOrderElementsOf(named);
    assertThat(PaymentProcess.JobTypes.CAPTURE_PAYMENT).isEqualTo(OrderFulfillmentProcess.JobTypes.CAPTURE_PAYMENT);
    assertThat(PaymentProcess.JobTypes.NOTIFY_CUSTOMER).isEqualTo(OrderFulfillmentProcess.JobTypes.NOTIFY_CUSTOMER);
    assertThat(PaymentProcess.JobTypes.NOTIFY_DEPARTMENT)
        .isEqualTo(OrderFulfillmentProcess.JobTypes.NOTIFY_DEPARTMENT);
  }

  @Test
  @DisplayName("They wait for exactly the messages the code publishes, each correlated by the order id")
  void messages() throws IllegalAccessException {
    List<Message> messages = MODELS.stream().flatMap(m -> m.getModelElementsByType(Message.class).stream()).toList();

    assertThat(messages).extracting(Message::getName)
        .containsExactlyInAnyOrderElementsOf(constants(PaymentProcess.Messages.class));
    assertThat(messages).allSatisfy(message -> assertThat(message.getExtensionElements().getElementsQuery()
        .filterByType(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription.class).singleResult()
        .getCorrelationKey()).as("correlation key of %s", message.getName()).isEqualTo("=orderId"));
  }

  @Test
  @DisplayName("They throw and catch exactly the error codes the code names; PAYMENT_FAILED is the order process's")
  void errors() throws IllegalAccessException {
    Set<String> codes = MODELS.stream()
        .flatMap(m -> m.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Error.class).stream())
        .map(io.camunda.zeebe.model.bpmn.instance.Error::getErrorCode).collect(Collectors.toSet());

    assertThat(codes).containsExactlyInAnyOrderElementsOf(constants(PaymentProcess.Errors.class));
    assertThat(PaymentProcess.Errors.PAYMENT_FAILED).isEqualTo(OrderFulfillmentProcess.Errors.PAYMENT_FAILED);
  }

  @Test
  @DisplayName("Every element the code and the tests name exists, and the process ids are the contract's")
  void elements() throws IllegalAccessException {
    assertThat((Object) PAYMENT.getModelElementById(PaymentProcess.PROCESS_ID)).isNotNull();
    assertThat((Object) SETTLEMENT.getModelElementById(PaymentProcess.SETTLEMENT_PROCESS_ID)).isNotNull();
    for (String element : constants(PaymentProcess.Elements.class)) {
      assertThat(MODELS.stream().anyMatch(m -> m.getModelElementById(element) != null)).as("element %s", element)
          .isTrue();
    }
  }

  @Test
  @DisplayName("Notifications use the topics the code names; finance is told as a department")
  void notificationTopics() throws IllegalAccessException {
    Set<String> topics = new HashSet<>();
    for (ServiceTask task : MODELS.stream().flatMap(m -> m.getModelElementsByType(ServiceTask.class).stream())
        .toList()) {
      String type = task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType();
      if (!type.startsWith("notify-")) {
        continue;
      }
      Map<String, String> headers = task.getSingleExtensionElement(ZeebeTaskHeaders.class).getHeaders().stream()
          .collect(Collectors.toMap(ZeebeHeader::getKey, ZeebeHeader::getValue));
      topics.add(headers.get(PaymentProcess.Headers.TOPIC));
      if (type.equals(PaymentProcess.JobTypes.NOTIFY_DEPARTMENT)) {
        assertThat(headers).as("headers of %s", task.getId())
            .containsEntry(PaymentProcess.Headers.DEPARTMENT, PaymentProcess.FINANCE);
      }
    }
    assertThat(topics).containsExactlyInAnyOrderElementsOf(constants(PaymentProcess.Topics.class));
  }

  @ParameterizedTest(name = "{0} after {1}")
  @DisplayName("The waiting times are the ones agreed with the business, written where an analyst edits them")
  @CsvSource({
      "BoundaryEvent_NewCardOverdue,       PT48H, true",
      "BoundaryEvent_TransferReminderDue,  P3D,   false",
      "BoundaryEvent_TransferOverdue,      P7D,   true",
      "BoundaryEvent_CashRemittanceOverdue, P7D,  true",
  })
  void timers(String boundaryEvent, String duration, boolean interrupting) {
    BoundaryEvent event = MODELS.stream().map(m -> (BoundaryEvent) m.getModelElementById(boundaryEvent))
        .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
    TimerEventDefinition timer = (TimerEventDefinition) event.getEventDefinitions().iterator().next();

    assertThat(timer.getTimeDuration().getTextContent()).isEqualTo(duration);
    assertThat(event.cancelActivity()).isEqualTo(interrupting);
  }

  @Test
  @DisplayName("The invoice reminder fires at the invoice's due date and finance takes over 14 days later")
  void invoiceTimers() {
    TimerEventDefinition due = timerOf(PaymentProcess.Elements.INVOICE_DUE);
    TimerEventDefinition longOverdue = timerOf(PaymentProcess.Elements.INVOICE_LONG_OVERDUE);

    assertThat(due.getTimeDate().getTextContent()).isEqualTo("=date and time(" + Variables.INVOICE_DUE_AT + ")");
    assertThat(longOverdue.getTimeDate().getTextContent())
        .isEqualTo("=date and time(" + Variables.INVOICE_DUE_AT + ") + duration(\"P14D\")");
  }

  @Test
  @DisplayName("The credit check calls the credit-check decision, which processes/credit-check.dmn defines")
  void creditCheckDecision() {
    BusinessRuleTask task = PAYMENT.getModelElementById(PaymentProcess.Elements.CHECK_CREDIT);
    ZeebeCalledDecision called = task.getSingleExtensionElement(ZeebeCalledDecision.class);

    assertThat(called.getDecisionId()).isEqualTo(PaymentProcess.Decisions.CREDIT_CHECK);
    assertThat(called.getResultVariable()).isEqualTo(Variables.CREDIT_CHECK);
    assertThat((Object) Dmn.readModelFromFile(new File("processes/credit-check.dmn"))
        .getModelElementById(PaymentProcess.Decisions.CREDIT_CHECK)).isNotNull();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @DisplayName("Each finance task is finance's, links its form, and the form asks for what the next step reads")
  @CsvSource({
      "UserTask_ResolvePaymentDifference, resolve-payment-difference, differenceDecision differenceNote",
      "UserTask_ReviewCredit,             review-credit,              creditReviewDecision creditReviewNote",
      "UserTask_ReconcileCash,            reconcile-cash,             settledAmount reconciliationNote",
      "UserTask_ChaseCashRemittance,      chase-cash-remittance,      chaseNote",
      "UserTask_HandleOverdueInvoice,     handle-overdue-invoice,     overdueAction overdueNote",
  })
  void financeTasks(String userTask, String formId, String fieldKeys) throws Exception {
    UserTask task = MODELS.stream().map(m -> (UserTask) m.getModelElementById(userTask))
        .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
    JsonNode form = new ObjectMapper().readTree(new File("forms/" + formId + ".form"));

    assertThat(task.getSingleExtensionElement(ZeebeFormDefinition.class).getFormId()).isEqualTo(formId);
    assertThat(task.getSingleExtensionElement(ZeebeAssignmentDefinition.class).getCandidateGroups())
        .isEqualTo(PaymentProcess.FINANCE);
    assertThat(form.path("id").asText()).isEqualTo(formId);
    assertThat(FormSchema.parse(form).fieldKeys()).containsExactlyInAnyOrder(fieldKeys.split(" "));
    assertThat(constants(PaymentProcess.Forms.class)).contains(formId);
  }

  @ParameterizedTest(name = "{1} in {0}")
  @DisplayName("The decisions a finance form offers are exactly the ones its gateway tests")
  @CsvSource({
      "resolve-payment-difference, differenceDecision,   ACCEPT REJECT",
      "review-credit,              creditReviewDecision, APPROVE REJECT",
  })
  void decisionValues(String formId, String key, String values) throws Exception {
    JsonNode form = new ObjectMapper().readTree(new File("forms/" + formId + ".form"));
    JsonNode field = Stream.of(form.path("components")).flatMap(c -> java.util.stream.StreamSupport
        .stream(c.spliterator(), false)).filter(c -> key.equals(c.path("key").asText())).findFirst().orElseThrow();

    assertThat(java.util.stream.StreamSupport.stream(field.path("values").spliterator(), false)
        .map(v -> v.path("value").asText())).containsExactlyInAnyOrder(values.split(" "));
    assertThat(Arrays.stream(PaymentProcess.DifferenceDecision.values()).map(Enum::name))
        .containsExactlyInAnyOrder("ACCEPT", "REJECT");
    assertThat(Arrays.stream(PaymentProcess.CreditReviewDecision.values()).map(Enum::name))
        .containsExactlyInAnyOrder("APPROVE", "REJECT");
  }

  private static TimerEventDefinition timerOf(String boundaryEvent) {
    BoundaryEvent event = SETTLEMENT.getModelElementById(boundaryEvent);
    return (TimerEventDefinition) event.getEventDefinitions().iterator().next();
  }

  private static Set<String> constants(Class<?> holder) throws IllegalAccessException {
    Set<String> values = new HashSet<>();
    for (Field f : Arrays.stream(holder.getDeclaredFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class).toList()) {
      values.add((String) f.get(null));
    }
    return values;
  }
}
