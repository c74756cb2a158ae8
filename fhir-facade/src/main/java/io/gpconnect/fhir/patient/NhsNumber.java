package io.gpconnect.fhir.patient;

/** NHS number structure: ten digits whose last is the Modulus 11 check digit of the first nine. */
public final class NhsNumber {
    private NhsNumber() {
    }

    public static boolean isValid(String n) {
        if (n == null || !n.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (n.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == n.charAt(9) - '0';
    }
}
